import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { licenseFiles, type LicenseFile, type NewLicenseFile } from '@/db/schema';

export function insertLicenseFile(row: NewLicenseFile, db: DbOrTx = getDb()): void {
  db.insert(licenseFiles).values(row).run();
}

/** The files issued for one seat, newest first (insertion order breaks ties within a second). */
export function listLicenseFilesOfSeat(seatId: string, db: DbOrTx = getDb()): LicenseFile[] {
  return db
    .select()
    .from(licenseFiles)
    .where(eq(licenseFiles.seatId, seatId))
    .orderBy(desc(licenseFiles.issuedAt), desc(sql`rowid`))
    .all();
}
