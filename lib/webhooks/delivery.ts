import 'server-only';
import { writeTransaction } from '@/db/client';
import { anyWebhookDeliveryDue, claimDueWebhookDeliveries, recordWebhookAttempt, type ClaimedDelivery } from '@/db/queries/webhooks';
import { unsealSecret } from '@/lib/instance/master-key';
import { signWebhook } from '@/lib/webhooks/signature';

export const WEBHOOK_SECRET_CONTEXT = 'webhook_endpoints.secret';

/**
 * When each retry is due after a failed attempt (Standard Webhooks' suggested schedule):
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: about 27.6 hours in all. After the last the
 * delivery is `failed`; an admin can send it again.
 */
export const RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;
const BATCH = 20;

/** One attempt at one delivery: the result for the delivery row. */
async function attempt(delivery: ClaimedDelivery, nowMs: number): Promise<{ ok: boolean; statusCode: number | null; error: string | null }> {
  const timestamp = Math.floor(nowMs / 1000);
  try {
    const secret = await unsealSecret(delivery.secretSealed, WEBHOOK_SECRET_CONTEXT);
    const response = await fetch(delivery.url, {
      method: 'POST',
      body: delivery.payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Gatepass-Webhooks/1',
        'webhook-id': delivery.messageId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(secret, delivery.messageId, timestamp, delivery.payload),
      },
    });
    await response.body?.cancel();
    return { ok: response.status >= 200 && response.status < 300, statusCode: response.status, error: response.ok ? null : `answered ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, statusCode: null, error: error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : (cause ?? (error as Error).message) };
  }
}

/**
 * Sends what is due (`now` in ms): claims a batch in one short transaction, then sends each
 * outside it, oldest first; a delivery whose endpoint answers 2xx is `delivered`, any other
 * answer or none is retried on {@link RETRY_DELAYS_MS}. Returns how many were attempted.
 * The server runs it every second (lib/webhooks/worker.ts); tests call it with their own clock.
 */
export async function deliverDueWebhooks(nowMs = Date.now()): Promise<number> {
  if (!(await anyWebhookDeliveryDue(nowMs))) return 0;
  const claimed = await writeTransaction((tx) => claimDueWebhookDeliveries(nowMs, LEASE_MS, BATCH, tx));
  for (const delivery of claimed) {
    const result = await attempt(delivery, nowMs);
    const attempts = delivery.attempts + 1;
    if (result.ok) {
      await recordWebhookAttempt(delivery.endpointId, delivery.eventSeq, { status: 'delivered', attempts, atMs: nowMs, statusCode: result.statusCode, error: null });
    } else {
      const delay = RETRY_DELAYS_MS[attempts - 1];
      await recordWebhookAttempt(delivery.endpointId, delivery.eventSeq, {
        status: delay === undefined ? 'failed' : 'pending',
        attempts,
        atMs: nowMs,
        nextAttemptAt: nowMs + (delay ?? 0),
        statusCode: result.statusCode,
        error: result.error,
      });
    }
  }
  return claimed.length;
}
