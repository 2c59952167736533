import { z } from 'zod';
import { apiFailure, apiJson } from '@/lib/http/api-response';
import { managementApiRoute } from '@/lib/http/management-route';
import { withFields } from '@/lib/licensing/management';
import { createWebhookEndpoint, webhookEndpoints, type WebhookEndpointSummary } from '@/lib/webhooks/endpoints';
import { readJsonBody } from '@/lib/http/read-body';

export const dynamic = 'force-dynamic';

const endpointBody = (endpoint: WebhookEndpointSummary) => ({
  id: endpoint.id,
  url: endpoint.url,
  description: endpoint.description,
  events: endpoint.events,
  enabled: endpoint.disabledAt === null,
  created_at: endpoint.createdAt.toISOString(),
});

/** GET /api/v1/webhooks: the registered endpoints (scope webhooks:write). */
export const GET = managementApiRoute('webhooks:write', async () => {
  return apiJson({ webhooks: (await webhookEndpoints()).map(endpointBody) });
});

const newEndpoint = z.object({ url: z.string(), events: z.array(z.string()), description: z.string().default('') }).strict();

/**
 * POST /api/v1/webhooks: `{ url, events, description? }`; 201 with the endpoint and its
 * signing `secret` (whsec_…), the only time it is sent (scope webhooks:write).
 */
export const POST = managementApiRoute('webhooks:write', async (request, { caller }) => {
  const body = await readJsonBody(request, newEndpoint);
  if (!body.ok) return apiFailure(body);
  const result = await createWebhookEndpoint(body.data, caller.actor);
  if (!result.ok) return apiFailure(withFields(result, ''));
  return apiJson({ ...endpointBody(result.endpoint), secret: result.secret }, 201);
});
