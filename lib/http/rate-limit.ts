/**
 * Per-address rate limit for the public endpoints and the portal's server actions:
 * a fixed one-minute window per client address, kept in this process's memory.
 * One instance is the supported deployment with SQLite; several instances would
 * each count on their own (docs/API.md "Rate limits").
 */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window resets; what `Retry-After` says. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  hit(key: string, now?: number): RateLimitDecision;
}

const PRUNE_ABOVE = 10_000;

export function createRateLimiter({ limit, windowMs }: { limit: number; windowMs: number }): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    hit(key, now = Date.now()) {
      if (windows.size > PRUNE_ABOVE) {
        for (const [k, w] of windows) if (now - w.startedAt >= windowMs) windows.delete(k);
      }
      let window = windows.get(key);
      if (!window || now - window.startedAt >= windowMs) {
        window = { startedAt: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + windowMs - now) / 1000));
      return { allowed: window.count <= limit, limit, remaining: Math.max(0, limit - window.count), retryAfterSeconds };
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

// One limiter per process, shared by the API routes and the portal's server actions.
const globalForLimiter = globalThis as unknown as { gatepassPublicLimiter?: RateLimiter };

export function publicRateLimiter(): RateLimiter {
  globalForLimiter.gatepassPublicLimiter ??= createRateLimiter({ limit: rateLimitPerMinute(), windowMs: 60_000 });
  return globalForLimiter.gatepassPublicLimiter;
}
