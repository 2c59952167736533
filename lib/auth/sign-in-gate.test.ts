import { describe, expect, it } from 'vitest';
import { hashPassword, MAX_CONCURRENT_HASHES, MAX_WAITING_HASHES, PasswordHashingBusyError, verifyPassword } from '@/lib/auth/password';
import { gateSignIn, signInsPerMinute } from '@/lib/auth/sign-in-gate';
import { createUser } from '@/lib/auth/users';
import { createRateLimiter } from '@/lib/http/rate-limit';
import { SYSTEM_ACTOR } from '@/lib/core/actor';

// Issue 13, point 4: a flood of sign-ins must cost bounded memory and thread-pool time.
describe('the password hash bound', () => {
  it(`runs at most ${MAX_CONCURRENT_HASHES} hashes at once, queues ${MAX_WAITING_HASHES}, and refuses the rest at once`, async () => {
    const stored = await hashPassword('right password');
    const total = MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES + 3;
    const started = Date.now();
    const outcomes = await Promise.allSettled(
      Array.from({ length: total }, async () => {
        try {
          return { answer: await verifyPassword('wrong password', stored), after: Date.now() - started };
        } catch (error) {
          return { error, after: Date.now() - started };
        }
      }),
    );
    const results = outcomes.map((o) => (o.status === 'fulfilled' ? o.value : { error: o.reason, after: 0 }));
    const refused = results.filter((r) => 'error' in r);
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(r.error).toBeInstanceOf(PasswordHashingBusyError);
    // Refused before any hash finished: the refusal costs no hash.
    const firstHash = Math.min(...results.filter((r) => 'answer' in r).map((r) => r.after));
    for (const r of refused) expect(r.after).toBeLessThan(firstHash);
    expect(results.filter((r) => 'answer' in r && r.answer === false)).toHaveLength(total - 3);
    // Once the queue drains, hashing works again.
    expect(await verifyPassword('right password', stored)).toBe(true);
  });
});

describe('gateSignIn', () => {
  it('limits sign-in attempts per client address before hashing, and lets other addresses through', async () => {
    await createUser({ email: 'gate@example.com', role: 'support', password: 'right password' }, SYSTEM_ACTOR);
    const limiter = createRateLimiter({ scope: 'sign-in-test', limit: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) expect(await gateSignIn('gate@example.com', 'wrong', '10.0.0.9', limiter)).toEqual({ ok: false, failure: 'invalid' });
    // Refused by the limit before any hash: even the right password.
    expect(await gateSignIn('gate@example.com', 'right password', '10.0.0.9', limiter)).toEqual({ ok: false, failure: 'throttled' });
    expect(await gateSignIn('gate@example.com', 'right password', '10.0.0.10', limiter)).toMatchObject({ ok: true });
  });

  it('answers "busy" instead of queueing without end', async () => {
    const limiter = createRateLimiter({ scope: 'sign-in-busy-test', limit: 1000, windowMs: 60_000 });
    const results = await Promise.all(Array.from({ length: MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES + 2 }, (_, i) => gateSignIn(`nobody-${i}@example.com`, 'x', '10.0.1.1', limiter)));
    expect(results.filter((r) => !r.ok && r.failure === 'busy')).toHaveLength(2);
    expect(results.filter((r) => !r.ok && r.failure === 'invalid')).toHaveLength(MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES);
  });

  it('reads GATEPASS_SIGN_IN_PER_MINUTE, default 10', () => {
    expect(signInsPerMinute({})).toBe(10);
    expect(signInsPerMinute({ GATEPASS_SIGN_IN_PER_MINUTE: '3' })).toBe(3);
    expect(() => signInsPerMinute({ GATEPASS_SIGN_IN_PER_MINUTE: 'x' })).toThrow(/positive whole number/);
  });
});
