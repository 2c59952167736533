import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { insertedLastFirst } from '@/db/dialect';
import { licenseFiles, type LicenseFile, type NewLicenseFile } from '@/db/schema';

export async function insertLicenseFile(row: NewLicenseFile, db: DbOrTx = getDb()): Promise<void> {
  await db.insert(licenseFiles).values(row);
}

/** The files issued for one seat, newest first (insertion order breaks ties within a second). */
export async function listLicenseFilesOfSeat(seatId: string, db: DbOrTx = getDb()): Promise<LicenseFile[]> {
  return db.select().from(licenseFiles).where(eq(licenseFiles.seatId, seatId)).orderBy(desc(licenseFiles.issuedAt), insertedLastFirst(licenseFiles, licenseFiles.id));
}
