import { describe, expect, it } from 'vitest';
import { createRateLimiter, rateLimitPerMinute } from '@/lib/http/rate-limit';

describe('createRateLimiter (fixed window per address, counted in the database)', () => {
  it('allows `limit` hits per window, then refuses with the seconds until the window resets', async () => {
    const limiter = createRateLimiter({ scope: 'test', limit: 3, windowMs: 60_000 });
    const t0 = 1_000_020_000; // a window boundary (a multiple of 60 s)
    const first = [];
    for (const i of [0, 1, 2]) first.push((await limiter.hit('10.0.0.1', t0 + i)).allowed);
    expect(first).toEqual([true, true, true]);
    expect(await limiter.hit('10.0.0.1', t0 + 15_000)).toEqual({ allowed: false, limit: 3, remaining: 0, retryAfterSeconds: 45 });
    expect((await limiter.hit('10.0.0.2', t0 + 15_000)).allowed).toBe(true);
    expect((await limiter.hit('10.0.0.1', t0 + 60_000)).allowed).toBe(true);
  });

  it('shares one budget between limiters of the same scope (as two instances would) and keeps scopes apart', async () => {
    const t0 = 2_000_040_000;
    const one = createRateLimiter({ scope: 'shared', limit: 2, windowMs: 60_000 });
    const two = createRateLimiter({ scope: 'shared', limit: 2, windowMs: 60_000 });
    const other = createRateLimiter({ scope: 'other', limit: 2, windowMs: 60_000 });
    expect((await one.hit('10.0.0.9', t0)).allowed).toBe(true);
    expect((await two.hit('10.0.0.9', t0 + 1)).allowed).toBe(true);
    expect((await one.hit('10.0.0.9', t0 + 2)).allowed).toBe(false);
    expect((await other.hit('10.0.0.9', t0 + 3)).allowed).toBe(true);
  });

  it('counts concurrent hits exactly: 50 at once with a limit of 10 allow 10', async () => {
    const limiter = createRateLimiter({ scope: 'race', limit: 10, windowMs: 60_000 });
    const t0 = 3_000_000_000;
    const decisions = await Promise.all(Array.from({ length: 50 }, (_, i) => limiter.hit('10.0.0.7', t0 + i)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
  });

  it('reads GATEPASS_RATE_LIMIT_PER_MINUTE, default 60, and refuses nonsense', () => {
    expect(rateLimitPerMinute({})).toBe(60);
    expect(rateLimitPerMinute({ GATEPASS_RATE_LIMIT_PER_MINUTE: '5' })).toBe(5);
    expect(() => rateLimitPerMinute({ GATEPASS_RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(/positive whole number/);
  });
});
