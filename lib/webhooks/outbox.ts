import 'server-only';
import type { Tx } from '@/db/client';
import { insertWebhookDeliveries, insertWebhookEvent, listEnabledWebhookEndpoints } from '@/db/queries/webhooks';
import type { WebhookEventType } from '@/lib/core/enums';
import { timeOrderedId } from '@/lib/core/ids';

/**
 * Writes a webhook event to the outbox inside the transaction of the change it reports
 * (docs/API.md "Webhooks"): it exists exactly when the change commits, and a change that
 * rolls back sends nothing. One delivery per enabled endpoint that listens to `type`; with
 * no such endpoint nothing is written. `licenseId` orders deliveries: a receiver gets one
 * license's events in the order they happened.
 */
export async function emitWebhookEvent(tx: Tx, type: WebhookEventType, licenseId: string, data: Record<string, unknown>, at = new Date()): Promise<void> {
  const endpoints = (await listEnabledWebhookEndpoints(tx)).filter((endpoint) => endpoint.events.split(' ').includes(type));
  if (endpoints.length === 0) return;
  const id = `msg_${timeOrderedId(at.getTime()).replace(/-/g, '')}`;
  const payload = JSON.stringify({ type, timestamp: at.toISOString(), data });
  const seq = await insertWebhookEvent({ id, type, licenseId, payload, createdAt: at }, tx);
  await insertWebhookDeliveries(
    endpoints.map((endpoint) => ({ endpointId: endpoint.id, eventSeq: seq, licenseId, nextAttemptAt: at.getTime() })),
    tx,
  );
}
