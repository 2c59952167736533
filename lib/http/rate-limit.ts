import 'server-only';
import { countHit, deleteWindowsBefore } from '@/db/queries/rate-limits';

/**
 * Per-address rate limit for the public endpoints and the portal's server actions: a
 * fixed window per key, counted in the database, so several instances behind one
 * PostgreSQL (or on one SQLite file) share one budget per client (docs/API.md "Rate limits").
 */
interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window resets; what `Retry-After` says. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  hit(key: string, now?: number): Promise<RateLimitDecision>;
}

/** About one hit in this many also deletes windows that ended: the table stays small with no timer. */
const PRUNE_ONE_IN = 500;

/**
 * A limiter of `limit` hits per `windowMs` per key. `scope` keeps the budgets of
 * different limiters (public API, sign-in) apart in the one table.
 */
export function createRateLimiter({ scope, limit, windowMs }: { scope: string; limit: number; windowMs: number }): RateLimiter {
  return {
    async hit(key, now = Date.now()) {
      const windowStart = now - (now % windowMs);
      if (Math.random() * PRUNE_ONE_IN < 1) await deleteWindowsBefore(windowStart - windowMs);
      const hits = await countHit(`${scope}:${key}`, windowStart);
      const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
      return { allowed: hits <= limit, limit, remaining: Math.max(0, limit - hits), retryAfterSeconds };
    },
  };
}

/** GATEPASS_RATE_LIMIT_PER_MINUTE: requests per client address per minute. Default 60. */
export function rateLimitPerMinute(env: Record<string, string | undefined> = process.env): number {
  const raw = env.GATEPASS_RATE_LIMIT_PER_MINUTE;
  if (raw === undefined || raw.trim() === '') return 60;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1) throw new Error(`GATEPASS_RATE_LIMIT_PER_MINUTE must be a positive whole number; got "${raw}"`);
  return Number(raw);
}

/** The limiter the API routes and the portal's server actions share. */
export function publicRateLimiter(): RateLimiter {
  return createRateLimiter({ scope: 'public', limit: rateLimitPerMinute(), windowMs: 60_000 });
}
