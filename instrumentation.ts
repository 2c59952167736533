/**
 * Runs once when a server process starts (Next.js instrumentation): the webhook delivery
 * worker. Never during `next build`, which must not open the database (issue 2).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { startWebhookWorker } = await import('@/lib/webhooks/worker');
    startWebhookWorker();
  }
}
