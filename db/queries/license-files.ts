import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { insertedLastFirst } from '@/db/dialect';
import { hotQuery } from '@/db/prepared';
import { licenseFiles, type LicenseFile, type NewLicenseFile } from '@/db/schema';

const COLUMNS = ['id', 'seatId', 'licenseId', 'kind', 'kid', 'encrypted', 'issuedAt', 'leaseEndsAt', 'graceSeconds', 'issuedBy'] as const;
const insertRow = hotQuery('insert_license_file', (db) =>
  db.insert(licenseFiles).values(Object.fromEntries(COLUMNS.map((column) => [column, sql.placeholder(column)])) as unknown as NewLicenseFile),
);

export async function insertLicenseFile(row: NewLicenseFile, db: DbOrTx = getDb()): Promise<void> {
  await insertRow(db, Object.fromEntries(COLUMNS.map((column) => [column, row[column]])));
}

/** The files issued for one seat, newest first (insertion order breaks ties within a second). */
export async function listLicenseFilesOfSeat(seatId: string, db: DbOrTx = getDb()): Promise<LicenseFile[]> {
  return db.select().from(licenseFiles).where(eq(licenseFiles.seatId, seatId)).orderBy(desc(licenseFiles.issuedAt), insertedLastFirst(licenseFiles, licenseFiles.id));
}
