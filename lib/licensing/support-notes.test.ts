import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditEventsOfLicense } from '@/db/queries/support-license-history';
import { listSupportNotesOfLicense } from '@/db/queries/support-notes';
import { createUser } from '@/lib/auth/users';
import { SYSTEM_ACTOR, type Actor } from '@/lib/core/actor';
import { addSupportNote } from '@/lib/licensing/support-notes';
import { createTestLicense, setUpInstance } from '@/lib/testing/licensing-fixtures';

let staff: Actor;

beforeAll(async () => {
  await setUpInstance();
  const created = await createUser({ email: 'Notes@Support.test', name: 'Nora Notes', role: 'support', password: 'a long enough password' }, SYSTEM_ACTOR);
  if (!created.ok) throw new Error(created.message);
  staff = { type: 'user', id: created.id, label: 'notes@support.test', ip: '198.51.100.9' };
});

describe('addSupportNote', () => {
  it('keeps the note with its author and time, newest first, and audits it', async () => {
    const { licenseId } = await createTestLicense();
    const first = await addSupportNote({ licenseId, body: 'Customer called about a stolen laptop.' }, staff, new Date('2026-03-01T10:00:00Z'));
    const second = await addSupportNote({ licenseId, body: '  Released the seat.  ' }, staff, new Date('2026-03-01T10:05:00Z'));
    expect(first.ok && second.ok).toBe(true);
    const notes = await listSupportNotesOfLicense(licenseId);
    expect(notes.map(({ note, author }) => [note.body, author.email, author.name, note.createdAt.toISOString()])).toEqual([
      ['Released the seat.', 'notes@support.test', 'Nora Notes', '2026-03-01T10:05:00.000Z'],
      ['Customer called about a stolen laptop.', 'notes@support.test', 'Nora Notes', '2026-03-01T10:00:00.000Z'],
    ]);
    const audited = (await listAuditEventsOfLicense(licenseId)).filter((event) => event.action === 'license.note');
    expect(audited).toHaveLength(2);
    expect(audited[0]).toMatchObject({ actorLabel: 'notes@support.test', targetType: 'support_note' });
  });

  it('refuses an empty note and an unknown license, writing nothing', async () => {
    const { licenseId } = await createTestLicense();
    expect(await addSupportNote({ licenseId, body: '   ' }, staff)).toMatchObject({ ok: false, code: 'ERR_VALIDATION', fieldErrors: { body: ['Write the note first.'] } });
    expect(await addSupportNote({ licenseId: 'no-such-license', body: 'hello' }, staff)).toMatchObject({ ok: false, code: 'ERR_LICENSE_NOT_FOUND' });
    expect(await listSupportNotesOfLicense(licenseId)).toEqual([]);
  });
});
