import 'server-only';
import { and, asc, count, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { notIndexed } from '@/db/dialect';
import { countSeatsHeld } from '@/db/queries/seat-counts';
import { licenses, plans, products, seats, type License, type Plan, type Product } from '@/db/schema';

/** Counting stops here; past it the overview says "more than". */
const COUNT_CAP = 10_000;

/** A count that stopped at {@link COUNT_CAP}: `capped` means "more than `n`". */
export interface CappedCount {
  n: number;
  capped: boolean;
}

function capped(n: number): CappedCount {
  return n > COUNT_CAP ? { n: COUNT_CAP, capped: true } : { n, capped: false };
}

/**
 * Seats held by a machine right now (from the daily counters), and how many of those
 * have lapsed: counted up to {@link COUNT_CAP} on the (status, grace_ends_at) index.
 */
export async function countSeatsInUse(now: Date, db: DbOrTx = getDb()): Promise<{ active: number; lapsed: CappedCount }> {
  const lapsedRows = db
    .select({ one: seats.id })
    .from(seats)
    .where(and(eq(seats.status, 'active'), lte(seats.graceEndsAt, now)))
    .limit(COUNT_CAP + 1)
    .as('lapsed_rows');
  const [active, [lapsed]] = await Promise.all([countSeatsHeld(db), db.select({ n: count() }).from(lapsedRows)]);
  return { active, lapsed: capped(lapsed?.n ?? 0) };
}

/**
 * Licenses by status, each counted up to {@link COUNT_CAP} on the (status, …) index: an
 * exact count of a million rows would cost PostgreSQL a few hundred milliseconds.
 */
export async function countLicensesByStatus(db: DbOrTx = getDb()): Promise<{ active: CappedCount; suspended: CappedCount }> {
  const countOf = async (status: 'active' | 'suspended') => {
    const rows = db.select({ id: licenses.id }).from(licenses).where(eq(licenses.status, status)).limit(COUNT_CAP + 1).as('rows');
    const [row] = await db.select({ n: count() }).from(rows);
    return capped(row?.n ?? 0);
  };
  const [active, suspended] = await Promise.all([countOf('active'), countOf('suspended')]);
  return { active, suspended };
}

/** Active licenses whose expiry falls in (now, until], soonest first. */
export async function listLicensesExpiringBetween(
  now: Date,
  until: Date,
  limit: number,
  db: DbOrTx = getDb(),
): Promise<{ license: License; plan: Plan; product: Product }[]> {
  return db
    .select({ license: licenses, plan: plans, product: products })
    .from(licenses)
    // Licenses drive the join, by the expiry index: SQLite would otherwise start from the few
    // plans and read every license of each (0.7 s at a million licenses).
    .innerJoin(plans, sql`${notIndexed(licenses.planId)} = ${plans.id}`)
    .innerJoin(products, eq(plans.productId, products.id))
    // By the expiry index: the range is the selective part (a million licenses are mostly active).
    .where(and(sql`${notIndexed(licenses.status)} = 'active'`, isNotNull(licenses.expiresAt), gt(licenses.expiresAt, now), lte(licenses.expiresAt, until)))
    .orderBy(asc(licenses.expiresAt))
    .limit(limit);
}
