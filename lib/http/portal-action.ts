import 'server-only';
import { headers } from 'next/headers';
import { INTERNAL_ERROR_MESSAGE, RATE_LIMITED_MESSAGE } from '@/lib/http/api-response';
import { clientAddress } from '@/lib/http/client-address';
import { publicRateLimiter } from '@/lib/http/rate-limit';
import { endUserActor, type Actor } from '@/lib/core/actor';
import { fail, type Result } from '@/lib/core/result';

/**
 * Runs one end-user server action of the portal: the same per-address rate limit as
 * the API, the "end user via portal" actor with the client address, and a generic
 * sentence instead of an exception if something breaks on our side (STYLE.md rule 1:
 * actions return a status union, never throw to the client).
 */
export async function runPortalAction<T extends object>(action: (actor: Actor) => Promise<Result<T>> | Result<T>): Promise<Result<T>> {
  const ip = clientAddress(await headers());
  if (!(await publicRateLimiter().hit(ip)).allowed) return fail('ERR_RATE_LIMITED', RATE_LIMITED_MESSAGE);
  try {
    return await action(endUserActor('portal', ip));
  } catch (error) {
    console.error('[portal] server action failed', error);
    return fail('ERR_INTERNAL', INTERNAL_ERROR_MESSAGE);
  }
}
