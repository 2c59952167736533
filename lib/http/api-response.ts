/**
 * The REST API's edges: every public route runs through {@link publicApiRoute}, which
 * applies the per-address rate limit, builds the end-user actor, and turns domain
 * failures into `{ "error": { "code", "message" } }` with the status from the one
 * table in lib/core/result.ts. An unexpected exception is logged and answered
 * with a generic 500, never a stack trace.
 */
import { clientAddress } from '@/lib/http/client-address';
import { publicRateLimiter } from '@/lib/http/rate-limit';
import { endUserActor, type Actor } from '@/lib/core/actor';
import { httpStatusOf, type Failure, type LicensingErrorCode } from '@/lib/core/result';

export const RATE_LIMITED_MESSAGE = 'Too many requests from your address. Wait a minute, then try again.';
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on the portal. Try again in a minute; if it keeps happening, contact support.';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function apiError(code: LicensingErrorCode, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message } }, { status: httpStatusOf(code), headers: { ...NO_STORE, ...headers } });
}

export function apiFailure(failure: Failure): Response {
  return apiError(failure.code, failure.message);
}

export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export interface PublicApiContext {
  actor: Actor;
}

export function publicApiRoute<Args extends unknown[]>(
  handler: (request: Request, context: PublicApiContext, ...rest: Args) => Promise<Response>,
): (request: Request, ...rest: Args) => Promise<Response> {
  return async (request, ...rest) => {
    const ip = clientAddress(request.headers);
    const decision = await publicRateLimiter().hit(ip);
    if (!decision.allowed) {
      return apiError('ERR_RATE_LIMITED', RATE_LIMITED_MESSAGE, {
        'Retry-After': String(decision.retryAfterSeconds),
        'RateLimit-Limit': String(decision.limit),
        'RateLimit-Remaining': '0',
      });
    }
    try {
      return await handler(request, { actor: endUserActor('API', ip) }, ...rest);
    } catch (error) {
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed`, error);
      return apiError('ERR_INTERNAL', INTERNAL_ERROR_MESSAGE);
    }
  };
}
