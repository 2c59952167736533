import 'server-only';
import { and, desc, eq, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { dialect } from '@/db/dialect';
import { hotQuery } from '@/db/prepared';
import { webhookDeliveries, webhookEndpoints, webhookEvents, type WebhookEndpoint } from '@/db/schema';

export async function insertWebhookEndpoint(row: typeof webhookEndpoints.$inferInsert, db: DbOrTx = getDb()): Promise<void> {
  await db.insert(webhookEndpoints).values(row);
}

export async function listWebhookEndpoints(db: DbOrTx = getDb()): Promise<WebhookEndpoint[]> {
  return db.select().from(webhookEndpoints).orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
}

export async function findWebhookEndpoint(id: string, db: DbOrTx = getDb()): Promise<WebhookEndpoint | undefined> {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row;
}

export async function setWebhookEndpointDisabled(id: string, disabledAt: Date | null, db: DbOrTx = getDb()): Promise<void> {
  await db.update(webhookEndpoints).set({ disabledAt }).where(eq(webhookEndpoints.id, id));
}

const selectEnabledEndpoints = hotQuery('list_enabled_webhook_endpoints', (db) =>
  db.select({ id: webhookEndpoints.id, events: webhookEndpoints.events }).from(webhookEndpoints).where(isNull(webhookEndpoints.disabledAt)),
);

/** The enabled endpoints and what they listen to: read in every change that may emit (a small table). */
export async function listEnabledWebhookEndpoints(tx: Tx): Promise<Array<{ id: string; events: string }>> {
  return selectEnabledEndpoints(tx, {});
}

export async function insertWebhookEvent(row: typeof webhookEvents.$inferInsert, tx: Tx): Promise<number> {
  const [inserted] = await tx.insert(webhookEvents).values(row).returning({ seq: webhookEvents.seq });
  return inserted!.seq;
}

export async function insertWebhookDeliveries(rows: Array<typeof webhookDeliveries.$inferInsert>, tx: Tx): Promise<void> {
  await tx.insert(webhookDeliveries).values(rows);
}

/** Whether any delivery is due: a read on the reader connection, so an idle worker takes no write lock. */
export async function anyWebhookDeliveryDue(nowMs: number, db: DbOrTx = getDb()): Promise<boolean> {
  const rows = await db
    .select({ seq: webhookDeliveries.eventSeq })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, nowMs)))
    .limit(1);
  return rows.length > 0;
}

export interface ClaimedDelivery {
  endpointId: string;
  eventSeq: number;
  attempts: number;
  url: string;
  secretSealed: string;
  messageId: string;
  payload: string;
}

/**
 * Claims up to `limit` deliveries that are due, for `leaseMs`, to enabled endpoints: for each endpoint and license
 * only the oldest pending one (so they go in order, and one at a time), and on PostgreSQL
 * skipping rows another instance is claiming (`FOR UPDATE SKIP LOCKED`), so each delivery is
 * in flight on one instance only. An instance that dies mid-send loses its lease, and the
 * delivery is sent again after it ends (at least once).
 */
export async function claimDueWebhookDeliveries(nowMs: number, leaseMs: number, limit: number, tx: Tx): Promise<ClaimedDelivery[]> {
  const skipLocked = dialect === 'pg' ? sql` FOR UPDATE SKIP LOCKED` : sql``;
  const query = sql`
    UPDATE webhook_deliveries SET locked_until = ${nowMs + leaseMs}
    WHERE (endpoint_id, event_seq) IN (
      SELECT c.endpoint_id, c.event_seq FROM webhook_deliveries c
      WHERE c.status = 'pending' AND c.next_attempt_at <= ${nowMs} AND (c.locked_until IS NULL OR c.locked_until < ${nowMs})
        AND c.endpoint_id IN (SELECT e.id FROM webhook_endpoints e WHERE e.disabled_at IS NULL)
        AND NOT EXISTS (
          SELECT 1 FROM webhook_deliveries p
          WHERE p.endpoint_id = c.endpoint_id AND p.license_id = c.license_id AND p.status = 'pending' AND p.event_seq < c.event_seq
        )
      ORDER BY c.event_seq
      LIMIT ${limit}${skipLocked}
    )
    RETURNING endpoint_id, event_seq, attempts`;
  // node-postgres answers objects; the SQLite proxy answers each row as an array of values.
  const rows =
    dialect === 'pg'
      ? ((await tx.execute(query)).rows as Array<{ endpoint_id: string; event_seq: number | string; attempts: number | string }>)
      : ((await (tx as unknown as { all(q: SQL): Promise<unknown[][]> }).all(query)).map(([endpoint_id, event_seq, attempts]) => ({ endpoint_id, event_seq, attempts })) as Array<{
          endpoint_id: string;
          event_seq: number;
          attempts: number;
        }>);
  const claimed: ClaimedDelivery[] = [];
  for (const row of rows) {
    const [detail] = await tx
      .select({ url: webhookEndpoints.url, secretSealed: webhookEndpoints.secretSealed, messageId: webhookEvents.id, payload: webhookEvents.payload })
      .from(webhookEndpoints)
      .innerJoin(webhookEvents, eq(webhookEvents.seq, Number(row.event_seq)))
      .where(eq(webhookEndpoints.id, row.endpoint_id));
    if (detail) claimed.push({ endpointId: row.endpoint_id, eventSeq: Number(row.event_seq), attempts: Number(row.attempts), ...detail });
  }
  return claimed.sort((a, b) => a.eventSeq - b.eventSeq);
}

const deliveryKey = (endpointId: string, eventSeq: number) => and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.eventSeq, eventSeq));

export async function recordWebhookAttempt(
  endpointId: string,
  eventSeq: number,
  outcome: { status: 'pending' | 'delivered' | 'failed'; attempts: number; atMs: number; nextAttemptAt?: number; statusCode: number | null; error: string | null },
  db: DbOrTx = getDb(),
): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      lastAttemptAt: outcome.atMs,
      lastStatusCode: outcome.statusCode,
      lastError: outcome.error,
      lockedUntil: null,
      ...(outcome.nextAttemptAt !== undefined ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
      ...(outcome.status === 'delivered' ? { deliveredAt: outcome.atMs } : {}),
    })
    .where(deliveryKey(endpointId, eventSeq));
}

/** Sends a delivery again from the start (an admin's "Redeliver"): pending, due now. */
export async function resetWebhookDelivery(endpointId: string, eventSeq: number, nowMs: number, db: DbOrTx = getDb()): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: nowMs, lockedUntil: null })
    .where(deliveryKey(endpointId, eventSeq))
    .returning({ seq: webhookDeliveries.eventSeq });
  return rows.length > 0;
}

export interface DeliveryRow {
  eventSeq: number;
  messageId: string;
  type: string;
  licenseId: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: number | null;
}

/** The latest deliveries to an endpoint, newest first. */
export async function listWebhookDeliveries(endpointId: string, limit: number, db: DbOrTx = getDb()): Promise<DeliveryRow[]> {
  return db
    .select({
      eventSeq: webhookDeliveries.eventSeq,
      messageId: webhookEvents.id,
      type: webhookEvents.type,
      licenseId: webhookEvents.licenseId,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.seq, webhookDeliveries.eventSeq))
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.eventSeq))
    .limit(limit);
}
