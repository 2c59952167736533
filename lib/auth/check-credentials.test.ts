import { describe, expect, it } from 'vitest';
import { checkCredentials } from '@/lib/auth/check-credentials';
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

  it('says the same thing for an unknown email as for a wrong password', async () => {
    expect(await checkCredentials('nobody@example.com', 'x', '10.0.0.1')).toEqual({ ok: false, failure: 'invalid' });
  });
});
