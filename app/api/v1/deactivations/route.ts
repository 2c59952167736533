import { deactivationBody } from '@/lib/http/api-bodies';
import { apiFailure, apiJson, publicApiRoute } from '@/lib/http/api-response';
import { readArtifactBody } from '@/lib/http/read-body';
import { deactivateByCode, looksLikeCode } from '@/lib/licensing/activation-codes';
import { deactivate } from '@/lib/licensing/deactivate';

export const dynamic = 'force-dynamic';

/** POST /api/v1/deactivations: the deactivation file, or a deactivation code, as the body; 200 freed, or already free. */
export const POST = publicApiRoute(async (request, { actor }) => {
  const body = await readArtifactBody(request, 'deactivation');
  if (!body.ok) return apiFailure(body);
  const text = new TextDecoder().decode(body.bytes);
  const result = looksLikeCode(text) ? await deactivateByCode({ codeText: text, actor }) : await deactivate({ deactivationText: body.bytes, actor });
  if (!result.ok) return apiFailure(result);
  return apiJson(deactivationBody(result));
});
