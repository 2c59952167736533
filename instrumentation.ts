/** Runs once when a server process starts (Next.js instrumentation): the webhook delivery worker. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startWebhookWorker } = await import('@/lib/webhooks/worker');
    startWebhookWorker();
  }
}
