import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type DbOrTx } from '@/db/client';
import { insertedLastFirst } from '@/db/dialect';
import { auditEvents, licenseFiles, seats, users, type AuditEvent, type LicenseFile } from '@/db/schema';

export interface IssuedFileRow {
  file: LicenseFile;
  hostname: string;
  /** The staff member's email when a staff member issued it, otherwise the recorded label. */
  issuedByLabel: string;
}

// Only the alias's SQL name matters at run time; the pg-core helper renders on both engines.
const issuer = alias(users, 'issuer');

/** Every license file issued for a license's seats, newest first. */
export async function listLicenseFilesOfLicense(licenseId: string, limit: number, db: DbOrTx = getDb()): Promise<IssuedFileRow[]> {
  return db
    .select({
      file: licenseFiles,
      hostname: seats.hostname,
      // license_files.issued_by holds a staff user's id, or a label such as "end user via portal".
      issuedByLabel: sql<string>`coalesce(${issuer.email}, ${licenseFiles.issuedBy})`,
    })
    .from(licenseFiles)
    .innerJoin(seats, eq(licenseFiles.seatId, seats.id))
    .leftJoin(issuer, eq(issuer.id, licenseFiles.issuedBy))
    .where(eq(licenseFiles.licenseId, licenseId))
    .orderBy(desc(licenseFiles.issuedAt), insertedLastFirst(licenseFiles, licenseFiles.id))
    .limit(limit);
}

/** A license's audit trail (its seats included), newest first, at most `limit` rows. */
export async function listAuditEventsOfLicense(licenseId: string, limit = 1000, db: DbOrTx = getDb()): Promise<AuditEvent[]> {
  return db.select().from(auditEvents).where(eq(auditEvents.licenseId, licenseId)).orderBy(desc(auditEvents.id)).limit(limit);
}
