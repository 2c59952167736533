import { deactivationBody } from '@/lib/http/api-bodies';
import { apiFailure, apiJson, publicApiRoute } from '@/lib/http/api-response';
import { readArtifactBody } from '@/lib/http/read-body';
import { deactivate } from '@/lib/licensing/deactivate';

export const dynamic = 'force-dynamic';

/** POST /api/v1/deactivations: the deactivation file as the body; 200 freed, or already free. */
export const POST = publicApiRoute(async (request, { actor }) => {
  const body = await readArtifactBody(request, 'deactivation');
  if (!body.ok) return apiFailure(body);
  const result = await deactivate({ deactivationText: body.bytes, actor });
  if (!result.ok) return apiFailure(result);
  return apiJson(deactivationBody(result));
});
