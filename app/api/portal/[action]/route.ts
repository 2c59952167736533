import { z } from 'zod';
import { fail, httpStatusOf, type Result } from '@/lib/core/result';
import { refuseCrossOrigin } from '@/lib/http/same-origin';
import { PORTAL_ACTIONS, type PortalActionName } from '@/lib/portal/actions';
import { toWire } from '@/lib/portal/wire';
import { readJsonBody } from '@/lib/http/read-body';

export const dynamic = 'force-dynamic';

/** Artifacts are capped at 64 KiB (lib/protocol MAX_ARTIFACT_BYTES); the rest is JSON overhead. */
const BODY_LIMIT = 256 * 1024;

/** A success as the action's Result (dates tagged); a refusal as every API refusal reads: `{ "error": { code, message } }`. */
function answer(result: Result<object>): Response {
  const body = result.ok ? result : { error: { code: result.code, message: result.message, ...(result.fieldErrors && { fieldErrors: result.fieldErrors }) } };
  return new Response(toWire(body), {
    status: result.ok ? 200 : httpStatusOf(result.code),
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}

/**
 * POST /api/portal/{activate|deactivate|lookup|refresh|code}: what the portal's own pages
 * send (lib/portal/actions.ts). Not part of the REST API (docs/API.md): a success is the
 * action's Result, dates tagged (lib/portal/wire.ts); a refusal is the API's error body
 * with the status of its code. Other sites' pages are refused.
 */
export async function POST(request: Request, { params }: { params: Promise<{ action: string }> }): Promise<Response> {
  const { action } = await params;
  if (!Object.hasOwn(PORTAL_ACTIONS, action)) return answer(fail('ERR_NOT_FOUND', 'There is no such portal action. Reload the page and try again.'));
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  const body = await readJsonBody(request, z.unknown(), BODY_LIMIT);
  if (!body.ok) return answer(body);
  return answer(await PORTAL_ACTIONS[action as PortalActionName](body.data));
}
