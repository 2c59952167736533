import { describe, expect, it } from 'vitest';
import { listAuditEventsPage } from '@/db/queries/audit-log';
import { findUserByEmail, findUserById } from '@/db/queries/users';
import { checkCredentials } from '@/lib/auth/check-credentials';
import { changeUserRole, createStaffUser, resetUserPassword, setUserDisabled, staffOrderOf, staffUsersPage } from '@/lib/auth/users-admin';
import type { Actor } from '@/lib/core/actor';

async function staff(email: string, role: 'admin' | 'support') {
  const created = await createStaffUser({ email, role }, { type: 'system', label: 'system', ip: '' });
  if (!created.ok) throw new Error(created.message);
  return created;
}

const actorFor = (user: { id: string; email: string }): Actor => ({ type: 'user', id: user.id, label: user.email, ip: '10.0.0.2' });

describe('user management', () => {
  it('creates a user with a generated password that signs in, and refuses a taken email', async () => {
    const boss = await staff('boss@example.com', 'admin');
    const created = await createStaffUser({ email: ' Helper@Example.com ', name: 'Helper', role: 'support' }, actorFor(boss));
    expect(created).toMatchObject({ ok: true, email: 'helper@example.com', password: expect.stringMatching(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/) });
    if (!created.ok) return;
    expect(await checkCredentials('helper@example.com', created.password, '10.0.0.3')).toMatchObject({ ok: true, user: { role: 'support' } });
    expect(await createStaffUser({ email: 'helper@example.com', role: 'admin' }, actorFor(boss))).toMatchObject({ ok: false, code: 'ERR_CONFLICT' });
    expect(await createStaffUser({ email: 'not-an-email', role: 'admin' }, actorFor(boss))).toMatchObject({
      ok: false,
      fieldErrors: { email: ['Enter a valid email address.'] },
    });
  });

  it('changes a role and audits from and to', async () => {
    const boss = await staff('boss2@example.com', 'admin');
    const helper = await staff('helper2@example.com', 'support');
    expect(await changeUserRole(helper.id, 'admin', actorFor(boss))).toEqual({ ok: true, userId: helper.id });
    expect((await findUserById(helper.id))?.role).toBe('admin');
    const [row] = await listAuditEventsPage({ action: 'user.change_role' }, { limit: 1, offset: 0 });
    expect(row).toMatchObject({ actorLabel: 'boss2@example.com', targetId: helper.id, details: { email: 'helper2@example.com', from: 'support', to: 'admin' } });
  });

  it('disabling blocks sign-in with the right password; enabling lets it in again', async () => {
    const boss = await staff('boss3@example.com', 'admin');
    const helper = await staff('helper3@example.com', 'support');
    expect(await setUserDisabled(helper.id, true, actorFor(boss))).toEqual({ ok: true, userId: helper.id });
    expect(await checkCredentials('helper3@example.com', helper.password, '10.0.0.3')).toEqual({ ok: false, failure: 'disabled' });
    expect(await setUserDisabled(helper.id, true, actorFor(boss))).toMatchObject({ ok: false, code: 'ERR_CONFLICT' });
    expect(await setUserDisabled(helper.id, false, actorFor(boss))).toMatchObject({ ok: true });
    expect(await checkCredentials('helper3@example.com', helper.password, '10.0.0.3')).toMatchObject({ ok: true });
    const actions = (await listAuditEventsPage({ actorLabel: 'boss3@example.com' }, { limit: 5, offset: 0 })).map((r) => r.action);
    expect(actions).toEqual(['user.enable', 'user.disable']);
  });

  it('never lets an admin lock themselves out, nor remove the last admin who can sign in', async () => {
    const me = await staff('me@example.com', 'admin');
    expect(await changeUserRole(me.id, 'support', actorFor(me))).toMatchObject({ ok: false, code: 'ERR_CONFLICT', message: expect.stringMatching(/your own/) });
    expect(await setUserDisabled(me.id, true, actorFor(me))).toMatchObject({ ok: false, code: 'ERR_CONFLICT' });
    // Demote every other admin, then the last one is protected even from another actor.
    const other = await staff('other-admin@example.com', 'admin');
    for (const email of ['boss@example.com', 'boss2@example.com', 'boss3@example.com', 'helper2@example.com', 'other-admin@example.com']) {
      const user = await findUserByEmail(email);
      if (user) await changeUserRole(user.id, 'support', actorFor(me));
    }
    expect((await findUserById(other.id))?.role).toBe('support');
    const outsider: Actor = { type: 'system', label: 'system', ip: '' };
    expect(await changeUserRole(me.id, 'support', outsider)).toMatchObject({ ok: false, message: expect.stringMatching(/last admin/) });
    expect(await setUserDisabled(me.id, true, outsider)).toMatchObject({ ok: false, message: expect.stringMatching(/last admin/) });
    expect(await findUserById(me.id)).toMatchObject({ role: 'admin', disabledAt: null });
  });

  it('resets a password: the old one stops working, the new one works and lifts a lockout', async () => {
    const boss = await staff('boss4@example.com', 'admin');
    const helper = await staff('helper4@example.com', 'support');
    for (let i = 0; i < 5; i++) await checkCredentials('helper4@example.com', 'wrong', '10.0.0.3');
    expect(await checkCredentials('helper4@example.com', helper.password, '10.0.0.3')).toEqual({ ok: false, failure: 'delayed' });
    const reset = await resetUserPassword(helper.id, actorFor(boss));
    expect(reset).toMatchObject({ ok: true, email: 'helper4@example.com' });
    if (!reset.ok) return;
    expect(reset.password).not.toBe(helper.password);
    expect(await checkCredentials('helper4@example.com', helper.password, '10.0.0.3')).toEqual({ ok: false, failure: 'invalid' });
    expect(await checkCredentials('helper4@example.com', reset.password, '10.0.0.3')).toMatchObject({ ok: true });
    expect((await listAuditEventsPage({ action: 'user.reset_password' }, { limit: 1, offset: 0 }))[0]).toMatchObject({ actorLabel: 'boss4@example.com', targetId: helper.id });
  });
});

describe('staffUsersPage', () => {
  it('sorts by each column both ways, ties by email, and reads nonsense as by email', async () => {
    const boss = await staff('sort-zed@example.com', 'admin');
    await staff('sort-amy@example.com', 'support');
    const bea = await staff('sort-bea@example.com', 'support');
    await setUserDisabled(bea.id, true, actorFor(boss));
    const emails = async (sort?: string, dir?: string) => (await staffUsersPage(staffOrderOf(sort, dir))).map((u) => u.email).filter((e) => e.startsWith('sort-'));
    expect(await emails()).toEqual(['sort-amy@example.com', 'sort-bea@example.com', 'sort-zed@example.com']);
    expect(await emails('email', 'desc')).toEqual(['sort-zed@example.com', 'sort-bea@example.com', 'sort-amy@example.com']);
    expect(await emails('role')).toEqual(['sort-zed@example.com', 'sort-amy@example.com', 'sort-bea@example.com']);
    expect(await emails('role', 'desc')).toEqual(['sort-amy@example.com', 'sort-bea@example.com', 'sort-zed@example.com']);
    expect(await emails('status')).toEqual(['sort-bea@example.com', 'sort-amy@example.com', 'sort-zed@example.com']);
    expect(await emails('price', 'up')).toEqual(await emails());
    expect(staffOrderOf('last-sign-in', undefined)).toEqual({ key: 'last-sign-in', direction: 'desc' });
  });
});
