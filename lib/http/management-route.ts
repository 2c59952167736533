import 'server-only';
import crypto from 'node:crypto';
import { claimIdempotencyKey, findIdempotentAnswer, saveIdempotentAnswer } from '@/db/queries/api-tokens';
import type { Tx } from '@/db/client';
import { authenticateApiCall, type ApiCaller } from '@/lib/auth/api-tokens';
import type { ApiScope } from '@/lib/core/enums';
import type { Failure, Result } from '@/lib/core/result';
import { apiError, apiFailure, INTERNAL_ERROR_MESSAGE } from '@/lib/http/api-response';
import { clientAddress } from '@/lib/http/client-address';
import { rollBackWith, transactionResult } from '@/lib/licensing/transaction-result';

/**
 * The management API's edges (docs/API.md "Management API"): every route runs through
 * {@link managementApiRoute}, which checks the bearer token and its scope, and answers
 * failures as `{ "error": { "code", "message" } }` like the public API. Never a stack trace.
 */
export function managementApiRoute<Args extends unknown[]>(
  scope: ApiScope,
  handler: (request: Request, context: { caller: ApiCaller }, ...rest: Args) => Promise<Response>,
): (request: Request, ...rest: Args) => Promise<Response> {
  return async (request, ...rest) => {
    try {
      const auth = await authenticateApiCall(request.headers.get('authorization'), scope, clientAddress(request.headers));
      if (!auth.ok) return apiFailure(auth);
      return await handler(request, { caller: auth.caller }, ...rest);
    } catch (error) {
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed`, error);
      return apiError('ERR_INTERNAL', INTERNAL_ERROR_MESSAGE);
    }
  };
}

/** The answer of a management call, as stored for an idempotent retry. */
export interface JsonAnswer {
  status: number;
  body: unknown;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const KEPT_MS = 24 * 3600 * 1000;

/**
 * Runs a change once per `Idempotency-Key` (per token, for 24 hours): a retry with the same
 * key and the same request gets the first answer again (with `Idempotent-Replayed: true`),
 * the same key with another request a 422. The key is claimed in the change's own
 * transaction, so the answer is kept exactly when the change commits; a failure keeps
 * nothing, and the call may be retried. Without the header, `change` runs in one
 * transaction all the same, undone whole when it ends in a refusal.
 */
export async function idempotentChange(
  request: Request,
  caller: ApiCaller,
  requestText: string,
  change: (tx: Tx) => Promise<Result<{ answer: JsonAnswer }>>,
  now = new Date(),
): Promise<Response> {
  const key = request.headers.get('idempotency-key');
  if (key === null) {
    // A refusal found halfway (the third license of a bulk call) undoes the first two.
    const result = await transactionResult(async (tx) => {
      const outcome = await change(tx);
      return outcome.ok ? outcome : rollBackWith(outcome);
    });
    return result.ok ? Response.json(result.answer.body, { status: result.answer.status, headers: { 'Cache-Control': 'no-store' } }) : apiFailure(result);
  }
  if (!IDEMPOTENCY_KEY.test(key)) return apiError('ERR_VALIDATION', 'The Idempotency-Key header must be 1 to 255 printable ASCII characters, for example a UUID.');
  const requestHash = crypto.createHash('sha256').update(`${request.method} ${new URL(request.url).pathname}\n${requestText}`).digest('hex');
  const replay = async (): Promise<Response> => {
    const stored = await findIdempotentAnswer(caller.tokenId, key, new Date(now.getTime() - KEPT_MS));
    if (!stored) return apiError('ERR_CONFLICT', 'Another call with this Idempotency-Key is still running. Retry in a moment.');
    if (stored.requestHash !== requestHash) {
      return apiError('ERR_IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request in the last 24 hours. Use a new key for a new request.');
    }
    return new Response(stored.body, { status: stored.status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Idempotent-Replayed': 'true' } });
  };
  const result: Result<{ answer: JsonAnswer }> | Failure | { ok: true; claimed: false } = await transactionResult(async (tx) => {
    const claimed = await claimIdempotencyKey({ tokenId: caller.tokenId, key, requestHash, createdAt: now }, new Date(now.getTime() - KEPT_MS), tx);
    if (!claimed) return { ok: true as const, claimed: false as const };
    const outcome = await change(tx);
    if (!outcome.ok) rollBackWith(outcome);
    await saveIdempotentAnswer(caller.tokenId, key, { status: outcome.answer.status, body: JSON.stringify(outcome.answer.body) }, tx);
    return outcome;
  });
  if (!result.ok) return apiFailure(result);
  if ('claimed' in result) return replay();
  return Response.json(result.answer.body, { status: result.answer.status, headers: { 'Cache-Control': 'no-store' } });
}
