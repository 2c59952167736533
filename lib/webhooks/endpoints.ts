import 'server-only';
import crypto from 'node:crypto';
import { z } from 'zod';
import { writeTransaction } from '@/db/client';
import { audit } from '@/db/queries/audit';
import { findWebhookEndpoint, insertWebhookEndpoint, listWebhookDeliveries, listWebhookEndpoints, resetWebhookDelivery, setWebhookEndpointDisabled, type DeliveryRow } from '@/db/queries/webhooks';
import type { WebhookEndpoint } from '@/db/schema';
import type { Actor } from '@/lib/core/actor';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@/lib/core/enums';
import { fail, fieldErrorsOf, type Result } from '@/lib/core/result';
import { sealSecret } from '@/lib/instance/master-key';
import { WEBHOOK_SECRET_CONTEXT } from '@/lib/webhooks/delivery';
import { newWebhookSecret } from '@/lib/webhooks/signature';

export interface WebhookEndpointSummary {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  createdAt: Date;
  disabledAt: Date | null;
}

function summary(row: WebhookEndpoint): WebhookEndpointSummary {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events.split(' ').filter((e): e is WebhookEventType => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(e)),
    createdAt: row.createdAt,
    disabledAt: row.disabledAt,
  };
}

const endpointInput = z.object({
  url: z
    .string()
    .trim()
    .max(2000, 'Use a URL of at most 2,000 characters.')
    .refine((text) => {
      try {
        const url = new URL(text);
        return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
      } catch {
        return false;
      }
    }, 'Enter an http:// or https:// URL with no user name or password in it.'),
  description: z.string().trim().max(200, 'Use at most 200 characters.').default(''),
  events: z
    .array(z.string())
    .pipe(z.array(z.enum(WEBHOOK_EVENT_TYPES, { error: `Choose events among ${WEBHOOK_EVENT_TYPES.join(', ')}.` })))
    .refine((events) => events.length > 0, 'Choose at least one event.')
    .transform((events) => WEBHOOK_EVENT_TYPES.filter((type) => events.includes(type))),
});
export type WebhookEndpointInput = z.input<typeof endpointInput>;

/** Registers an endpoint; the answer carries its signing secret, this once. Audited. */
export async function createWebhookEndpoint(input: WebhookEndpointInput, actor: Actor, now = new Date()): Promise<Result<{ endpoint: WebhookEndpointSummary; secret: string }>> {
  const parsed = endpointInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Check the highlighted fields.', fieldErrorsOf(parsed.error));
  const { url, description, events } = parsed.data;
  const secret = newWebhookSecret();
  const row = {
    id: crypto.randomUUID(),
    url,
    description,
    events: events.join(' '),
    secretSealed: await sealSecret(secret, WEBHOOK_SECRET_CONTEXT),
    createdBy: actor.type === 'user' ? (actor.id ?? null) : null,
    createdAt: new Date(Math.floor(now.getTime() / 1000) * 1000),
  };
  await writeTransaction(async (tx) => {
    await insertWebhookEndpoint(row, tx);
    await audit(tx, actor, 'webhook.create', { type: 'webhook_endpoint', id: row.id }, { url, events }, now);
  });
  return { ok: true, endpoint: summary({ ...row, disabledAt: null }), secret };
}

/** Stops (or restarts) sending to an endpoint; deliveries already written wait while it is disabled. */
export async function setWebhookEndpointEnabled(id: string, enabled: boolean, actor: Actor, now = new Date()): Promise<Result<{ endpoint: WebhookEndpointSummary }>> {
  return writeTransaction(async (tx) => {
    const row = await findWebhookEndpoint(id, tx);
    if (!row) return fail('ERR_NOT_FOUND', 'That webhook endpoint does not exist. Reload the page.');
    if ((row.disabledAt === null) === enabled) return fail('ERR_CONFLICT', `This endpoint is ${enabled ? 'enabled' : 'disabled'} already.`);
    await setWebhookEndpointDisabled(id, enabled ? null : now, tx);
    await audit(tx, actor, enabled ? 'webhook.enable' : 'webhook.disable', { type: 'webhook_endpoint', id }, { url: row.url }, now);
    return { ok: true, endpoint: summary({ ...row, disabledAt: enabled ? null : now }) };
  });
}

/** Sends one event to an endpoint again, from its first attempt. Audited. */
export async function redeliverWebhook(endpointId: string, eventSeq: number, actor: Actor, now = new Date()): Promise<Result<{ endpointId: string }>> {
  return writeTransaction(async (tx) => {
    if (!(await resetWebhookDelivery(endpointId, eventSeq, now.getTime(), tx))) return fail('ERR_NOT_FOUND', 'That delivery does not exist. Reload the page.');
    await audit(tx, actor, 'webhook.redeliver', { type: 'webhook_endpoint', id: endpointId }, { eventSeq }, now);
    return { ok: true, endpointId };
  });
}

/** Every registered endpoint, newest first. */
export async function webhookEndpoints(): Promise<WebhookEndpointSummary[]> {
  return (await listWebhookEndpoints()).map(summary);
}

/** Every endpoint with its latest deliveries, for the admin page. */
export async function webhookEndpointsWithDeliveries(perEndpoint = 20): Promise<Array<{ endpoint: WebhookEndpointSummary; deliveries: DeliveryRow[] }>> {
  const endpoints = await webhookEndpoints();
  return Promise.all(endpoints.map(async (endpoint) => ({ endpoint, deliveries: await listWebhookDeliveries(endpoint.id, perEndpoint) })));
}
