import { issuedFileBody } from '@/lib/http/api-bodies';
import { apiError, apiFailure, apiJson, publicApiRoute } from '@/lib/http/api-response';
import { readBodyWithLimit } from '@/lib/http/read-body';
import { firstIssueMessage, refreshRequestBody } from '@/lib/licensing/end-user-inputs';
import { refreshSeat } from '@/lib/licensing/refresh-seat';

export const dynamic = 'force-dynamic';

const MAX_JSON_BYTES = 4 * 1024;
const SHAPE = 'Send JSON like {"license_key": "7KQ2M-…", "seat_id": "…"} with Content-Type: application/json.';

/** POST /api/v1/refresh: `{ license_key, seat_id }`; 200 with a new license file for that seat. */
export const POST = publicApiRoute(async (request, { actor }) => {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return apiError('ERR_UNSUPPORTED_MEDIA_TYPE', SHAPE);
  }
  const read = await readBodyWithLimit(request, MAX_JSON_BYTES);
  if (!read.ok) return apiError('ERR_ARTIFACT_TOO_LARGE', `This request is too large (the limit is 4 KB). ${SHAPE}`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(read.bytes));
  } catch {
    return apiError('ERR_VALIDATION', `The body is not valid JSON. ${SHAPE}`);
  }
  const parsed = refreshRequestBody.safeParse(json);
  if (!parsed.success) return apiError('ERR_VALIDATION', `${firstIssueMessage(parsed.error)} ${SHAPE}`);
  const result = await refreshSeat({ licenseKey: parsed.data.license_key, seatId: parsed.data.seat_id }, actor);
  if (!result.ok) return apiFailure(result);
  return apiJson(issuedFileBody(result));
});
