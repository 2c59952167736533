import { describe, expect, it } from 'vitest';
import { createRateLimiter, rateLimitPerMinute } from '@/lib/http/rate-limit';

describe('createRateLimiter (fixed one-minute window per address)', () => {
  it('allows `limit` hits per window, then refuses with the seconds until the window resets', () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 });
    const t0 = 1_000_000;
    expect([0, 1, 2].map((i) => limiter.hit('10.0.0.1', t0 + i).allowed)).toEqual([true, true, true]);
    const refused = limiter.hit('10.0.0.1', t0 + 15_000);
    expect(refused).toEqual({ allowed: false, limit: 3, remaining: 0, retryAfterSeconds: 45 });
    expect(limiter.hit('10.0.0.2', t0 + 15_000).allowed).toBe(true);
    expect(limiter.hit('10.0.0.1', t0 + 60_000).allowed).toBe(true);
  });

  it('reads GATEPASS_RATE_LIMIT_PER_MINUTE, default 60, and refuses nonsense', () => {
    expect(rateLimitPerMinute({})).toBe(60);
    expect(rateLimitPerMinute({ GATEPASS_RATE_LIMIT_PER_MINUTE: '5' })).toBe(5);
    expect(() => rateLimitPerMinute({ GATEPASS_RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(/positive whole number/);
  });
});
