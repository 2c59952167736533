import { describe, expect, it } from 'vitest';
import { findUserByEmail } from '@/db/queries/users';
import { checkCredentials, LOCKOUT_SECONDS, MAX_FAILED_SIGN_INS } from '@/lib/auth/check-credentials';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { createUser } from '@/lib/auth/users';
import { SYSTEM_ACTOR } from '@/lib/core/actor';

describe('passwords', () => {
  it('hashes with scrypt and a per-password salt, and verifies only the right password', async () => {
    const a = await hashPassword('hunter2 hunter2');
    const b = await hashPassword('hunter2 hunter2');
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('hunter2 hunter2', a)).toBe(true);
    expect(await verifyPassword('hunter2 hunter3', a)).toBe(false);
    expect(await verifyPassword('anything', 'md5$garbage')).toBe(false);
  });
});

describe('sign-in checks', () => {
  it('accepts the right password, case-insensitively by email', async () => {
    await createUser({ email: 'Sam@Example.com', role: 'support', password: 'right password' }, SYSTEM_ACTOR);
    const result = await checkCredentials('sam@example.COM', 'right password', '10.0.0.1');
    expect(result).toMatchObject({ ok: true, user: { email: 'sam@example.com', role: 'support' } });
  });

  it('locks the account after repeated failures, refusing even the right password until the lock ends', async () => {
    await createUser({ email: 'lock@example.com', role: 'admin', password: 'right password' }, SYSTEM_ACTOR);
    const start = new Date('2026-11-25T10:00:00Z');
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) {
      expect(await checkCredentials('lock@example.com', 'wrong', '10.0.0.1', start)).toEqual({ ok: false, failure: 'invalid' });
    }
    expect(await checkCredentials('lock@example.com', 'wrong', '10.0.0.1', start)).toEqual({ ok: false, failure: 'locked' });
    const stillLocked = new Date(start.getTime() + (LOCKOUT_SECONDS - 1) * 1000);
    expect(await checkCredentials('lock@example.com', 'right password', '10.0.0.1', stillLocked)).toEqual({ ok: false, failure: 'locked' });
    const after = new Date(start.getTime() + (LOCKOUT_SECONDS + 1) * 1000);
    expect(await checkCredentials('lock@example.com', 'right password', '10.0.0.1', after)).toMatchObject({ ok: true });
    expect((await findUserByEmail('lock@example.com'))?.failedLogins).toBe(0);
  });

  it('says the same thing for an unknown email as for a wrong password', async () => {
    expect(await checkCredentials('nobody@example.com', 'x', '10.0.0.1')).toEqual({ ok: false, failure: 'invalid' });
  });
});
