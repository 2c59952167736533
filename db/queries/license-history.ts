import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { auditEvents, type AuditEvent } from '@/db/schema';

/** The audit trail of one license (its seats included), oldest first. */
export function listAuditEventsOfLicense(licenseId: string, db: DbOrTx = getDb()): AuditEvent[] {
  return db.select().from(auditEvents).where(eq(auditEvents.licenseId, licenseId)).orderBy(asc(auditEvents.id)).all();
}
