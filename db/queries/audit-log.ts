import 'server-only';
import { and, asc, count, desc, eq, gt, gte, lt, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { auditEvents, type AuditEvent } from '@/db/schema';

export interface AuditFilter {
  actorLabel?: string;
  action?: string;
  licenseId?: string;
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
}

function whereOf(filter: AuditFilter): SQL | undefined {
  const conditions = [
    filter.actorLabel ? eq(auditEvents.actorLabel, filter.actorLabel) : undefined,
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.licenseId ? eq(auditEvents.licenseId, filter.licenseId) : undefined,
    filter.from ? gte(auditEvents.at, filter.from) : undefined,
    filter.to ? lt(auditEvents.at, filter.to) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** One page of audit events, newest first. */
export async function listAuditEventsPage(filter: AuditFilter, page: { limit: number; offset: number }, db: DbOrTx = getDb()): Promise<AuditEvent[]> {
  return db
    .select()
    .from(auditEvents)
    .where(whereOf(filter))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function countAuditEvents(filter: AuditFilter, db: DbOrTx = getDb()): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvents).where(whereOf(filter));
  return row?.n ?? 0;
}

/** The actors and actions that occur in the log, for the filter's choices. */
export async function listAuditFacets(db: DbOrTx = getDb()): Promise<{ actors: string[]; actions: string[] }> {
  const actors = await db.selectDistinct({ v: auditEvents.actorLabel }).from(auditEvents).orderBy(auditEvents.actorLabel);
  const actions = await db.selectDistinct({ v: auditEvents.action }).from(auditEvents).orderBy(auditEvents.action);
  return { actors: actors.map((r) => r.v), actions: actions.map((r) => r.v) };
}

/** Audit events after the event `afterId`, oldest first: the management API's feed (poll with the last id seen). */
export async function listAuditEventsAfter(filter: AuditFilter, afterId: number, limit: number, db: DbOrTx = getDb()): Promise<AuditEvent[]> {
  return db
    .select()
    .from(auditEvents)
    .where(and(whereOf(filter), gt(auditEvents.id, afterId)))
    .orderBy(asc(auditEvents.id))
    .limit(limit);
}
