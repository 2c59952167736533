import 'server-only';
import { getDb, type DbOrTx } from '@/db/client';
import { auditEvents, type NewAuditEvent } from '@/db/schema';

/** Appends one audit row; call it inside the transaction that makes the change. */
export function insertAuditEvent(event: NewAuditEvent, db: DbOrTx = getDb()): void {
  db.insert(auditEvents).values(event).run();
}
