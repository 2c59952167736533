import { describe, expect, it } from 'vitest';
import { listAuditEventsPage } from '@/db/queries/audit-log';
import { findUserByEmail } from '@/db/queries/users';
import { signOutEverywhere } from '@/lib/auth/sessions';
import { createUser } from '@/lib/auth/users';
import { SYSTEM_ACTOR } from '@/lib/core/actor';
import { storedTime } from '@/lib/testing/licensing-fixtures';

describe('signing out', () => {
  it('marks every session opened until now as over, and audits it', async () => {
    const created = await createUser({ email: 'leaving@example.com', role: 'support', password: 'a long password' }, SYSTEM_ACTOR);
    if (!created.ok) throw new Error(created.message);
    expect((await findUserByEmail('leaving@example.com'))?.sessionsValidAfter).toBeNull();

    const at = new Date('2026-11-25T09:00:00.123Z');
    await signOutEverywhere(created.id, at);

    expect((await findUserByEmail('leaving@example.com'))?.sessionsValidAfter).toEqual(at);
    const events = await listAuditEventsPage({ action: 'user.sign_out' }, { limit: 10, offset: 0 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorLabel: 'leaving@example.com', targetId: created.id, at: storedTime(at) });
  });

  it('does nothing for a user that no longer exists', async () => {
    const before = (await listAuditEventsPage({ action: 'user.sign_out' }, { limit: 100, offset: 0 })).length;
    await expect(signOutEverywhere('no-such-user')).resolves.toBeUndefined();
    expect(await listAuditEventsPage({ action: 'user.sign_out' }, { limit: 100, offset: 0 })).toHaveLength(before);
  });
});
