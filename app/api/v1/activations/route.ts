import { activationBody } from '@/lib/http/api-bodies';
import { apiFailure, apiJson, publicApiRoute } from '@/lib/http/api-response';
import { readArtifactBody } from '@/lib/http/read-body';
import { activate } from '@/lib/licensing/activate';
import { activateByCode, looksLikeCode } from '@/lib/licensing/activation-codes';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/activations: the activation request as the body, or an activation request
 * code (docs/PROTOCOL.md "Activation codes"), which answers with `response_code` too;
 * 201 new seat, 200 same machine again.
 */
export const POST = publicApiRoute(async (request, { actor }) => {
  const body = await readArtifactBody(request, 'request');
  if (!body.ok) return apiFailure(body);
  const text = new TextDecoder().decode(body.bytes);
  if (looksLikeCode(text)) {
    const coded = await activateByCode({ codeText: text, actor });
    if (!coded.ok) return apiFailure(coded);
    return apiJson({ ...activationBody(coded), response_code: coded.responseCode }, coded.refreshed ? 200 : 201);
  }
  const result = await activate({ requestText: body.bytes, actor });
  if (!result.ok) return apiFailure(result);
  return apiJson(activationBody(result), result.refreshed ? 200 : 201);
});
