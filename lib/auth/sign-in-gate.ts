import 'server-only';
import { checkCredentials, type CheckedUser, type SignInFailure } from '@/lib/auth/check-credentials';
import { PasswordHashingBusyError } from '@/lib/auth/password';
import { createRateLimiter, type RateLimiter } from '@/lib/http/rate-limit';

/** GATEPASS_SIGN_IN_PER_MINUTE: sign-in attempts per client address per minute. Default 10. */
export function signInsPerMinute(env: Record<string, string | undefined> = process.env): number {
  const raw = env.GATEPASS_SIGN_IN_PER_MINUTE;
  if (raw === undefined || raw.trim() === '') return 10;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1) throw new Error(`GATEPASS_SIGN_IN_PER_MINUTE must be a positive whole number; got "${raw}"`);
  return Number(raw);
}

/** Sign-in attempts per client address, counted in the database: one budget across instances. */
function signInRateLimiter(): RateLimiter {
  return createRateLimiter({ scope: 'sign-in', limit: signInsPerMinute(), windowMs: 60_000 });
}

/**
 * Every staff sign-in passes here before any password is hashed: a per-address rate
 * limit, then the credential check, whose hash waits for one of a few slots
 * (lib/auth/password.ts). Both refusals are quick and cost no hash, so a flood of
 * sign-ins cannot starve the public API of CPU, memory or thread-pool time.
 */
export async function gateSignIn(
  email: string,
  password: string,
  ip: string,
  limiter: RateLimiter = signInRateLimiter(),
): Promise<{ ok: true; user: CheckedUser } | { ok: false; failure: SignInFailure }> {
  const decision = await limiter.hit(`sign-in:${ip}`);
  if (!decision.allowed) return { ok: false, failure: 'throttled' };
  try {
    return await checkCredentials(email, password, ip);
  } catch (error) {
    if (error instanceof PasswordHashingBusyError) return { ok: false, failure: 'busy' };
    throw error;
  }
}
