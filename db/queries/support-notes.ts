import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { supportNotes, users, type SupportNote } from '@/db/schema';

export interface SupportNoteWithAuthor {
  note: SupportNote;
  author: { email: string; name: string };
}

export function insertSupportNote(row: typeof supportNotes.$inferInsert, db: DbOrTx = getDb()): void {
  db.insert(supportNotes).values(row).run();
}

/** The notes on a license, newest first (insertion order within a second), with who wrote them. */
export function listSupportNotesOfLicense(licenseId: string, db: DbOrTx = getDb()): SupportNoteWithAuthor[] {
  return db
    .select({ note: supportNotes, author: { email: users.email, name: users.name } })
    .from(supportNotes)
    .innerJoin(users, eq(supportNotes.authorId, users.id))
    .where(eq(supportNotes.licenseId, licenseId))
    .orderBy(desc(supportNotes.createdAt), sql`${supportNotes}.rowid DESC`)
    .all();
}
