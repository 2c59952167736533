import { describe, expect, it, vi } from 'vitest';
import { listAuditEventsPage } from '@/db/queries/audit-log';
import { countSignInAttempt, findSignInFailures } from '@/db/queries/sign-in-failures';
import { findUserByEmail } from '@/db/queries/users';
import { checkCredentials } from '@/lib/auth/check-credentials';
import { MAX_CONCURRENT_HASHES, MAX_WAITING_HASHES } from '@/lib/auth/password';
import { ACCOUNT_FAILURE_CEILING, FREE_FAILURES_PER_ADDRESS, LOCKOUT_SECONDS } from '@/lib/auth/sign-in-throttle';
import { createUser } from '@/lib/auth/users';
import { SYSTEM_ACTOR } from '@/lib/core/actor';

// Counts the slow password checks, to show which attempts got one.
const passwordChecks = vi.hoisted(() => ({ n: 0 }));
vi.mock('@/lib/auth/password', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/auth/password')>();
  return {
    ...original,
    verifyPassword: (...args: Parameters<typeof original.verifyPassword>) => {
      passwordChecks.n += 1;
      return original.verifyPassword(...args);
    },
  };
});

const PASSWORD = 'right password';
const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

async function staff(email: string) {
  await createUser({ email, role: 'admin', password: PASSWORD }, SYSTEM_ACTOR);
  return (await findUserByEmail(email))!;
}

// Issue 13, point 2: the count was read before the slow hash and written from that stale
// value, so parallel guesses were all checked and counted once.
describe('parallel wrong passwords', () => {
  it('are each counted, atomically', async () => {
    await staff('race@example.com');
    const start = new Date();
    // As many as the hash slots take at once (lib/auth/password.ts), each from its own address.
    const parallel = MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES;
    const results = await Promise.all(Array.from({ length: parallel }, (_, i) => checkCredentials('race@example.com', 'wrong', `10.2.0.${i}`, start)));
    expect(results).toEqual(Array.from({ length: parallel }, () => ({ ok: false, failure: 'invalid' })));
    expect((await findSignInFailures('race@example.com', '10.2.0.0')).account.failures).toBe(parallel);
  });

  it('from one address get no more password checks than the free failures, and leave the address delayed', async () => {
    await staff('race2@example.com');
    const start = new Date();
    passwordChecks.n = 0;
    const results = await Promise.all(Array.from({ length: 12 }, () => checkCredentials('race2@example.com', 'wrong', '10.1.0.1', start)));
    expect(passwordChecks.n).toBe(FREE_FAILURES_PER_ADDRESS);
    expect(results.filter((r) => !r.ok && r.failure === 'invalid')).toHaveLength(FREE_FAILURES_PER_ADDRESS - 1);
    expect(results.filter((r) => !r.ok && r.failure === 'delayed')).toHaveLength(12 - (FREE_FAILURES_PER_ADDRESS - 1));
    // Attempts refused at the door, after the delay began, are not counted (on SQLite none are).
    expect((await findSignInFailures('race2@example.com', '10.1.0.1')).pair.failures).toBeGreaterThanOrEqual(FREE_FAILURES_PER_ADDRESS);
    expect(await checkCredentials('race2@example.com', PASSWORD, '10.1.0.1', at(start, 1))).toEqual({ ok: false, failure: 'delayed' });
  });
});

// Issue 13, point 3: anyone could lock the admin out, and the fifth answer told whether the email exists.
describe('sign-in throttling per email and address', () => {
  it("does not let a stranger's guesses from one address stop the right password from another", async () => {
    await staff('boss@example.com');
    const start = new Date();
    for (let i = 0; i < 10; i++) expect(await checkCredentials('boss@example.com', 'guess', '203.0.113.7', start)).toMatchObject({ ok: false });
    expect(await checkCredentials('boss@example.com', PASSWORD, '10.1.0.2', start)).toMatchObject({ ok: true, user: { email: 'boss@example.com' } });
    expect(await checkCredentials('boss@example.com', 'guess', '203.0.113.7', start)).toEqual({ ok: false, failure: 'delayed' });
    // The stranger stays delayed: the right password from their address is refused too.
    expect(await checkCredentials('boss@example.com', PASSWORD, '203.0.113.7', start)).toEqual({ ok: false, failure: 'delayed' });
  });

  it('delays the same email and address longer after each further failure, then lets the right password in', async () => {
    await staff('typo@example.com');
    const ip = '10.1.0.3';
    let now = new Date('2026-11-25T10:00:00Z');
    for (let i = 1; i < FREE_FAILURES_PER_ADDRESS; i++) expect(await checkCredentials('typo@example.com', 'wrong', ip, now)).toEqual({ ok: false, failure: 'invalid' });
    expect(await checkCredentials('typo@example.com', 'wrong', ip, now)).toEqual({ ok: false, failure: 'delayed' });
    for (const wait of [60, 120, 240]) {
      expect(await checkCredentials('typo@example.com', PASSWORD, ip, at(now, wait - 1))).toEqual({ ok: false, failure: 'delayed' });
      now = at(now, wait + 1);
      expect(await checkCredentials('typo@example.com', 'wrong', ip, now)).toEqual({ ok: false, failure: 'delayed' });
    }
    // Refused attempts during a wait were not counted: 5 + 3 failures.
    expect((await findSignInFailures('typo@example.com', ip)).pair.failures).toBe(FREE_FAILURES_PER_ADDRESS + 3);
    expect(await checkCredentials('typo@example.com', PASSWORD, ip, at(now, 479))).toEqual({ ok: false, failure: 'delayed' });
    expect(await checkCredentials('typo@example.com', PASSWORD, ip, at(now, 481))).toMatchObject({ ok: true });
    // The right password forgets the address's failures.
    expect((await findSignInFailures('typo@example.com', ip)).pair.failures).toBe(0);
    expect(await checkCredentials('typo@example.com', 'wrong', ip, at(now, 482))).toEqual({ ok: false, failure: 'invalid' });
  });

  it('answers the same at every attempt for an email no user has', async () => {
    await staff('known@example.com');
    let now = new Date('2026-11-26T10:00:00Z');
    const answers = async (when: Date) => [
      await checkCredentials('known@example.com', 'wrong', '10.1.0.4', when),
      await checkCredentials('unknown@example.com', 'wrong', '10.1.0.4', when),
    ];
    for (let i = 0; i < FREE_FAILURES_PER_ADDRESS + 2; i++) {
      const [known, unknown] = await answers(now);
      expect(unknown).toEqual(known);
    }
    for (const wait of [61, 121]) {
      now = at(now, wait);
      const [known, unknown] = await answers(now);
      expect(unknown).toEqual(known);
      expect(known).toEqual({ ok: false, failure: 'delayed' });
    }
    // At the account ceiling, reached from many addresses.
    for (const email of ['known@example.com', 'unknown@example.com']) {
      const counted = (await findSignInFailures(email, '10.1.0.4')).account.failures;
      for (let i = counted; i < ACCOUNT_FAILURE_CEILING - 1; i++) await countSignInAttempt(email, `198.51.100.${i}`, now.getTime(), 0);
    }
    const [known, unknown] = await answers(at(now, 1));
    expect(known).toEqual({ ok: false, failure: 'delayed' });
    expect(unknown).toEqual(known);
    for (const ip of ['10.1.0.5', '10.1.0.6']) {
      const known = await checkCredentials('known@example.com', 'wrong', ip, at(now, 2));
      expect(known).toEqual({ ok: false, failure: 'locked' });
      expect(await checkCredentials('unknown@example.com', 'wrong', ip, at(now, 2))).toEqual(known);
    }
  });

  it('locks an email after the per-account ceiling from many addresses, audits the lock, and lifts it after the lockout', async () => {
    const user = await staff('spread@example.com');
    const start = new Date('2026-11-27T10:00:00Z');
    for (let i = 0; i < ACCOUNT_FAILURE_CEILING - 1; i++) await countSignInAttempt('spread@example.com', `198.51.100.${i}`, start.getTime(), 0);
    expect(await checkCredentials('spread@example.com', 'wrong', '192.0.2.1', start)).toEqual({ ok: false, failure: 'locked' });
    // Locked from every address, even with the right password, and the users page shows it.
    expect(await checkCredentials('spread@example.com', PASSWORD, '10.1.0.7', at(start, LOCKOUT_SECONDS - 1))).toEqual({ ok: false, failure: 'locked' });
    expect((await findUserByEmail('spread@example.com'))?.lockedUntil?.getTime()).toBe(at(start, LOCKOUT_SECONDS).getTime());
    const [lock] = await listAuditEventsPage({ action: 'user.lock' }, { limit: 1, offset: 0 });
    expect(lock).toMatchObject({ targetId: user.id, ip: '192.0.2.1', details: { failedSignIns: ACCOUNT_FAILURE_CEILING, lockedForSeconds: LOCKOUT_SECONDS } });
    expect(await checkCredentials('spread@example.com', PASSWORD, '10.1.0.7', at(start, LOCKOUT_SECONDS + 1))).toMatchObject({ ok: true });
  });

  it('audits the start of a delay for one address, for known and unknown emails alike', async () => {
    const user = await staff('audited@example.com');
    const start = new Date('2026-11-28T10:00:00Z');
    for (const email of ['audited@example.com', 'ghost@example.com']) {
      for (let i = 0; i < FREE_FAILURES_PER_ADDRESS; i++) await checkCredentials(email, 'wrong', '203.0.113.9', start);
    }
    const rows = (await listAuditEventsPage({ action: 'user.sign_in_delay' }, { limit: 20, offset: 0 })).filter((r) => r.ip === '203.0.113.9');
    expect(rows.map((r) => [r.targetId, r.actorLabel, r.ip]).sort()).toEqual(
      [
        [user.id, 'audited@example.com', '203.0.113.9'],
        [null, 'ghost@example.com', '203.0.113.9'],
      ].sort(),
    );
    expect(rows[0]?.details).toMatchObject({ failedSignIns: FREE_FAILURES_PER_ADDRESS, waitSeconds: 60 });
  });
});
