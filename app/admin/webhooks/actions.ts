'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ADMIN_ONLY, staffAction } from '@/lib/auth/staff';
import { createWebhookEndpoint, redeliverWebhook, setWebhookEndpointEnabled } from '@/lib/webhooks/endpoints';

const list = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string()));

export const createWebhookAction = staffAction(ADMIN_ONLY, z.object({ url: z.string().default(''), description: z.string().default(''), events: list }), async (input, { actor }) => {
  const result = await createWebhookEndpoint(input, actor);
  if (!result.ok) return result;
  revalidatePath('/admin/webhooks');
  return { ok: true as const, name: result.endpoint.url, token: result.secret, message: `Endpoint ${result.endpoint.url} added.` };
});

export const setWebhookEnabledAction = staffAction(ADMIN_ONLY, z.object({ endpointId: z.string(), enabled: z.enum(['true', 'false']) }), async (input, { actor }) => {
  const result = await setWebhookEndpointEnabled(input.endpointId, input.enabled === 'true', actor);
  if (!result.ok) return result;
  revalidatePath('/admin/webhooks');
  return { ok: true as const, message: input.enabled === 'true' ? 'Endpoint enabled: waiting deliveries go out now.' : 'Endpoint disabled: nothing is sent to it, and new events are not queued for it, until it is enabled again.' };
});

export const redeliverWebhookAction = staffAction(ADMIN_ONLY, z.object({ endpointId: z.string(), eventSeq: z.coerce.number().int() }), async (input, { actor }) => {
  const result = await redeliverWebhook(input.endpointId, input.eventSeq, actor);
  if (!result.ok) return result;
  revalidatePath('/admin/webhooks');
  return { ok: true as const, message: 'Queued: it is sent again within a few seconds.' };
});
