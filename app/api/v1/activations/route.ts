import { activationBody } from '@/lib/http/api-bodies';
import { apiFailure, apiJson, publicApiRoute } from '@/lib/http/api-response';
import { readArtifactBody } from '@/lib/http/read-body';
import { activate } from '@/lib/licensing/activate';

export const dynamic = 'force-dynamic';

/** POST /api/v1/activations: the activation request as the body; 201 new seat, 200 same machine again. */
export const POST = publicApiRoute(async (request, { actor }) => {
  const body = await readArtifactBody(request, 'request');
  if (!body.ok) return apiFailure(body);
  const result = await activate({ requestText: body.bytes, actor });
  if (!result.ok) return apiFailure(result);
  return apiJson(activationBody(result), result.refreshed ? 200 : 201);
});
