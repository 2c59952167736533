import 'server-only';
import { timeOrderedId } from '@/lib/core/ids';
import { z } from 'zod';
import { writeTransaction } from '@/db/client';
import { findLicenseById } from '@/db/queries/licenses';
import { insertSupportNote } from '@/db/queries/support-notes';
import type { Actor } from '@/lib/core/actor';
import { audit } from '@/db/queries/audit';
import { fieldErrorsOf } from '@/lib/core/result';
import { fail, type Result } from '@/lib/core/result';

export const supportNoteInput = z.object({
  licenseId: z.string().min(1),
  body: z.string().trim().min(1, 'Write the note first.').max(4000, 'Keep a note under 4,000 characters.'),
});
export type SupportNoteInput = z.input<typeof supportNoteInput>;

/**
 * Adds a support note to a license, signed by the staff member who wrote it.
 * Staff only: the actor must be a signed-in user, whose id the note keeps.
 *
 * @example
 * await addSupportNote({ licenseId, body: 'Customer called: laptop stolen, seat released.' }, actor);
 */
export async function addSupportNote(input: SupportNoteInput, actor: Actor, now = new Date()): Promise<Result<{ noteId: string }>> {
  if (actor.type !== 'user' || !actor.id) throw new TypeError('addSupportNote needs a staff actor with a user id');
  const parsed = supportNoteInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Check the note.', fieldErrorsOf(parsed.error));
  const { licenseId, body } = parsed.data;
  return writeTransaction(async (tx) => {
    if (!(await findLicenseById(licenseId, tx))) return fail('ERR_LICENSE_NOT_FOUND', 'That license does not exist any more. Search again.');
    const noteId = timeOrderedId();
    await insertSupportNote({ id: noteId, licenseId, authorId: actor.id!, body, createdAt: now }, tx);
    await audit(tx, actor, 'license.note', { type: 'support_note', id: noteId, licenseId }, { length: body.length }, now);
    return { ok: true as const, noteId };
  });
}
