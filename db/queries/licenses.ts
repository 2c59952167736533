import 'server-only';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { dialect } from '@/db/dialect';
import { hotQuery } from '@/db/prepared';
import { licenses, plans, products, type License, type NewLicense, type Plan, type Product } from '@/db/schema';

export interface LicenseWithPlan {
  license: License;
  plan: Plan;
  product: Product;
}

/** A license joined to its plan and product; callers add the where clause. */
function selectLicenseWithPlan(db: DbOrTx) {
  return db
    .select({ license: licenses, plan: plans, product: products })
    .from(licenses)
    .innerJoin(plans, eq(licenses.planId, plans.id))
    .innerJoin(products, eq(plans.productId, products.id));
}

export async function findLicenseByKeyHash(keyHash: string, db: DbOrTx = getDb()): Promise<LicenseWithPlan | undefined> {
  const [row] = await selectLicenseWithPlan(db).where(eq(licenses.keyHash, keyHash));
  return row;
}

/**
 * Licenses whose key hash starts with `prefix` (lower-case hex): how an activation request
 * code, which carries 24 bits of the hash, finds its license. A range on the unique index
 * of key_hash: hex digits sort before `g` under any collation, so `[prefix, prefix + "g")`
 * is every hash that starts with it. A handful of rows at most; the caller tells them apart
 * by the code's tag.
 */
export async function findLicensesByKeyHashPrefix(prefix: string, db: DbOrTx = getDb()): Promise<LicenseWithPlan[]> {
  if (!/^[0-9a-f]{1,64}$/.test(prefix)) throw new TypeError('the key hash prefix must be lower-case hex');
  return selectLicenseWithPlan(db).where(and(gte(licenses.keyHash, prefix), lt(licenses.keyHash, `${prefix}g`))).limit(50);
}

export async function findLicenseById(id: string, db: DbOrTx = getDb()): Promise<LicenseWithPlan | undefined> {
  const [row] = await selectLicenseWithPlan(db).where(eq(licenses.id, id));
  return row;
}

/**
 * Finds a license by its key hash and locks it for a seat change until the transaction
 * ends, so its seat count cannot move underneath: on PostgreSQL a row lock
 * (`FOR UPDATE OF licenses`), which a second instance's transaction waits on; on SQLite
 * the transaction already holds the database's write lock (db/client.ts).
 */
export async function lockLicenseByKeyHash(keyHash: string, tx: Tx): Promise<LicenseWithPlan | undefined> {
  const [row] = await lockByKeyHash(tx, { keyHash });
  return row;
}

const lockByKeyHash = hotQuery('lock_license_by_key_hash', (db) => {
  const query = selectLicenseWithPlan(db).where(eq(licenses.keyHash, sql.placeholder('keyHash')));
  return dialect === 'pg' ? query.for('update', { of: licenses }) : query;
});

/** {@link lockLicenseByKeyHash} by license id. */
export async function lockLicenseById(id: string, tx: Tx): Promise<LicenseWithPlan | undefined> {
  const query = selectLicenseWithPlan(tx).where(eq(licenses.id, id));
  const [row] = dialect === 'pg' ? await query.for('update', { of: licenses }) : await query;
  return row;
}

export async function insertLicense(row: NewLicense, db: DbOrTx = getDb()): Promise<void> {
  await db.insert(licenses).values(row);
}

export async function updateLicense(id: string, patch: Partial<Omit<NewLicense, 'seatsActive'>>, db: DbOrTx = getDb()): Promise<void> {
  await db
    .update(licenses)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(licenses.id, id));
}
