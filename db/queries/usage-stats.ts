import 'server-only';
import { and, asc, count, eq, gt, gte, isNotNull, lte, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { licenses, plans, products, seats, type License, type Plan, type Product } from '@/db/schema';

/** Seats held by a machine right now (status active), and how many of those have lapsed. */
export function countSeatsInUse(now: Date, db: DbOrTx = getDb()): { active: number; lapsed: number } {
  const active = db.select({ n: count() }).from(seats).where(eq(seats.status, 'active')).get()?.n ?? 0;
  const lapsed =
    db
      .select({ n: count() })
      .from(seats)
      .where(and(eq(seats.status, 'active'), lte(seats.graceEndsAt, now)))
      .get()?.n ?? 0;
  return { active, lapsed };
}

export function countLicensesByStatus(db: DbOrTx = getDb()): { active: number; suspended: number } {
  const rows = db.select({ status: licenses.status, n: count() }).from(licenses).groupBy(licenses.status).all();
  return {
    active: rows.find((r) => r.status === 'active')?.n ?? 0,
    suspended: rows.find((r) => r.status === 'suspended')?.n ?? 0,
  };
}

/** Seats activated per UTC day since `since`, as `YYYY-MM-DD` → count. */
export function countActivationsPerDay(since: Date, db: DbOrTx = getDb()): Map<string, number> {
  const day = sql<string>`strftime('%Y-%m-%d', ${seats.activatedAt}, 'unixepoch')`;
  const rows = db.select({ day, n: count() }).from(seats).where(gte(seats.activatedAt, since)).groupBy(day).all();
  return new Map(rows.map((r) => [r.day, r.n]));
}

/** Seats deactivated by their device per UTC day since `since`. */
export function countDeactivationsPerDay(since: Date, db: DbOrTx = getDb()): Map<string, number> {
  const day = sql<string>`strftime('%Y-%m-%d', ${seats.releasedAt}, 'unixepoch')`;
  const rows = db
    .select({ day, n: count() })
    .from(seats)
    .where(and(eq(seats.status, 'deactivated'), isNotNull(seats.releasedAt), gte(seats.releasedAt, since)))
    .groupBy(day)
    .all();
  return new Map(rows.map((r) => [r.day, r.n]));
}

/** Active licenses whose expiry falls in [now, until), soonest first. */
export function listLicensesExpiringBetween(
  now: Date,
  until: Date,
  limit: number,
  db: DbOrTx = getDb(),
): { license: License; plan: Plan; product: Product }[] {
  return db
    .select({ license: licenses, plan: plans, product: products })
    .from(licenses)
    .innerJoin(plans, eq(licenses.planId, plans.id))
    .innerJoin(products, eq(plans.productId, products.id))
    .where(and(eq(licenses.status, 'active'), isNotNull(licenses.expiresAt), gt(licenses.expiresAt, now), lte(licenses.expiresAt, until)))
    .orderBy(asc(licenses.expiresAt))
    .limit(limit)
    .all();
}
