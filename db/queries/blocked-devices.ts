import 'server-only';
import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { hotQuery } from '@/db/prepared';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { blockedDevices, licenses, plans, products, revocationSequence, type BlockedDevice } from '@/db/schema';

// No LIMIT: drizzle binds it, and a bound LIMIT makes SQLite plan the statement again on
// every run (db/prepared.ts). A device has at most a block by key and one by fingerprint.
const selectActiveBlock = hotQuery('find_active_block', (db) =>
  db
    .select()
    .from(blockedDevices)
    .where(
      and(
        eq(blockedDevices.licenseId, sql.placeholder('licenseId')),
        isNull(blockedDevices.unblockedAt),
        or(eq(blockedDevices.deviceThumbprint, sql.placeholder('deviceThumbprint')), eq(blockedDevices.fingerprint, sql.placeholder('fingerprint'))),
      ),
    ),
);

/** A device still blocked on the license, by its device key or its fingerprint: read in every activation and refresh. */
export async function findActiveBlock(licenseId: string, device: { deviceThumbprint: string; fingerprint: string }, db: DbOrTx = getDb()): Promise<BlockedDevice | undefined> {
  const [row] = await selectActiveBlock(db, { licenseId, deviceThumbprint: device.deviceThumbprint, fingerprint: device.fingerprint });
  return row;
}

export async function insertBlockedDevice(row: typeof blockedDevices.$inferInsert, tx: Tx): Promise<void> {
  await tx.insert(blockedDevices).values(row);
}

/** Lifts a block still in force; returns the row when this call lifted it (a second unblock is a no-op). */
export async function endBlock(id: string, licenseId: string, end: { unblockedAt: Date; unblockedBy: string }, tx: Tx): Promise<BlockedDevice | undefined> {
  const [row] = await tx
    .update(blockedDevices)
    .set(end)
    .where(and(eq(blockedDevices.id, id), eq(blockedDevices.licenseId, licenseId), isNull(blockedDevices.unblockedAt)))
    .returning();
  return row;
}

export async function findBlockById(id: string, db: DbOrTx = getDb()): Promise<BlockedDevice | undefined> {
  const [row] = await db.select().from(blockedDevices).where(eq(blockedDevices.id, id));
  return row;
}

/** Every block of a license, those in force first, newest first. */
export async function listBlocksOfLicense(licenseId: string, db: DbOrTx = getDb()): Promise<BlockedDevice[]> {
  return db
    .select()
    .from(blockedDevices)
    .where(eq(blockedDevices.licenseId, licenseId))
    .orderBy(sql`${blockedDevices.unblockedAt} is not null`, desc(blockedDevices.blockedAt));
}

/** What the revocation list of a product holds: its blocked devices and its suspended licenses. */
export async function listRevokedOfProduct(productSlug: string | null, db: DbOrTx = getDb()): Promise<{ devices: Pick<BlockedDevice, 'licenseId' | 'deviceThumbprint'>[]; licenseIds: string[] }> {
  const ofProduct = productSlug ? eq(products.slug, productSlug) : undefined;
  const devices = await db
    .select({ licenseId: blockedDevices.licenseId, deviceThumbprint: blockedDevices.deviceThumbprint })
    .from(blockedDevices)
    .innerJoin(licenses, eq(licenses.id, blockedDevices.licenseId))
    .innerJoin(plans, eq(plans.id, licenses.planId))
    .innerJoin(products, eq(products.id, plans.productId))
    .where(and(isNull(blockedDevices.unblockedAt), ofProduct));
  const suspended = await db
    .select({ id: licenses.id })
    .from(licenses)
    .innerJoin(plans, eq(plans.id, licenses.planId))
    .innerJoin(products, eq(products.id, plans.productId))
    .where(and(eq(licenses.status, 'suspended'), ofProduct));
  return { devices, licenseIds: suspended.map((row) => row.id) };
}

/** The revocation list's sequence number now (0 before the first change). */
const selectRevocationSequence = hotQuery('read_revocation_sequence', (db) =>
  db.select({ sequence: revocationSequence.sequence }).from(revocationSequence).where(eq(revocationSequence.id, sql.placeholder('id'))),
);

/** The revocation list's current sequence: read for every file the portal issues. */
export async function readRevocationSequence(db: DbOrTx = getDb()): Promise<number> {
  const [row] = await selectRevocationSequence(db, { id: 'current' });
  return row?.sequence ?? 0;
}

/** Raises the sequence, in the transaction that changes what the revocation list holds. */
export async function raiseRevocationSequence(at: Date, tx: Tx): Promise<void> {
  await tx
    .insert(revocationSequence)
    .values({ id: 'current', sequence: 1, changedAt: at })
    .onConflictDoUpdate({ target: revocationSequence.id, set: { sequence: sql`${revocationSequence.sequence} + 1`, changedAt: at } });
}
