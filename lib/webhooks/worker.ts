import 'server-only';
import { deliverDueWebhooks } from '@/lib/webhooks/delivery';

const POLL_MS = 1_000;

/**
 * The delivery worker of this server process: every second, sends what is due. Every
 * instance runs one; the claim in db/queries/webhooks.ts keeps each delivery on one
 * instance at a time. Started once by instrumentation.ts.
 */
export function startWebhookWorker(): void {
  const state = globalThis as typeof globalThis & { gatepassWebhookWorker?: boolean };
  if (state.gatepassWebhookWorker) return;
  state.gatepassWebhookWorker = true;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // Drain: a full batch means more may be due.
      while ((await deliverDueWebhooks()) >= 20);
    } catch (error) {
      console.error('[webhooks] delivery round failed', error);
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), POLL_MS).unref();
}
