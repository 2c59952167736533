import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { licenseFiles, seats, type LicenseFile, type Seat } from '@/db/schema';

/** Every seat a license ever had, newest activation first. */
export function listSeatsForLicensePage(licenseId: string, db: DbOrTx = getDb()): Seat[] {
  return db.select().from(seats).where(eq(seats.licenseId, licenseId)).orderBy(desc(seats.activatedAt)).all();
}

/** Every license file signed for a license, newest first. */
export function listLicenseFilesOfLicense(licenseId: string, limit = 200, db: DbOrTx = getDb()): LicenseFile[] {
  return db.select().from(licenseFiles).where(eq(licenseFiles.licenseId, licenseId)).orderBy(desc(licenseFiles.issuedAt)).limit(limit).all();
}
