import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { insertedLastFirst } from '@/db/dialect';
import { supportNotes, users, type SupportNote } from '@/db/schema';

export interface SupportNoteWithAuthor {
  note: SupportNote;
  author: { email: string; name: string };
}

export async function insertSupportNote(row: typeof supportNotes.$inferInsert, db: DbOrTx = getDb()): Promise<void> {
  await db.insert(supportNotes).values(row);
}

/** The notes on a license, newest first (insertion order within a second), with who wrote them. */
export async function listSupportNotesOfLicense(licenseId: string, db: DbOrTx = getDb()): Promise<SupportNoteWithAuthor[]> {
  return db
    .select({ note: supportNotes, author: { email: users.email, name: users.name } })
    .from(supportNotes)
    .innerJoin(users, eq(supportNotes.authorId, users.id))
    .where(eq(supportNotes.licenseId, licenseId))
    .orderBy(desc(supportNotes.createdAt), insertedLastFirst(supportNotes, supportNotes.id));
}
