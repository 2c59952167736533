import 'server-only';
import { and, count, desc, eq, exists, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { licenses, plans, products, seats, type License, type LicenseStatus, type Plan, type Product } from '@/db/schema';

/**
 * What a license search box matched on, for the support console and the admin list:
 * every match given is OR-ed, and the result is narrowed by `status` and `planId`.
 */
export interface LicenseSearchCriteria {
  /** Hash of a full license key. */
  keyHash?: string;
  /** One 5-character group a customer reads out: matches the first or the last group. */
  keyGroup?: string;
  /** Substring of the customer's name or email, or of a device's hostname. */
  text?: string;
  /** Prefix of a device fingerprint. */
  fingerprintPrefix?: string;
  /** Only licenses in this state (AND-ed with the matches above). */
  status?: LicenseStatus;
  /** Only licenses on this plan (AND-ed with the matches above). */
  planId?: string;
}

export interface LicenseSearchRow {
  license: License;
  plan: Plan;
  product: Product;
  seatsUsed: number;
}

/** `%` and `_` typed by a person are literal characters, not wildcards. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function containsIgnoringCase(column: SQLWrapper, value: string): SQL {
  return sql`lower(${column}) LIKE ${`%${escapeLike(value.toLowerCase())}%`} ESCAPE '\\'`;
}

function hasSeatWhere(condition: SQL, db: DbOrTx): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(seats)
      .where(and(eq(seats.licenseId, licenses.id), condition)),
  );
}

function matchesOf(criteria: LicenseSearchCriteria, db: DbOrTx): SQL | undefined {
  const clauses: SQL[] = [];
  if (criteria.keyHash) clauses.push(eq(licenses.keyHash, criteria.keyHash));
  if (criteria.keyGroup) clauses.push(eq(licenses.keyPrefix, criteria.keyGroup), eq(licenses.keySuffix, criteria.keyGroup));
  if (criteria.text) {
    clauses.push(containsIgnoringCase(licenses.customerName, criteria.text), containsIgnoringCase(licenses.customerEmail, criteria.text));
    clauses.push(hasSeatWhere(containsIgnoringCase(seats.hostname, criteria.text), db));
  }
  if (criteria.fingerprintPrefix) {
    const pattern = `${escapeLike(criteria.fingerprintPrefix)}%`;
    clauses.push(hasSeatWhere(sql`${seats.fingerprint} LIKE ${pattern} ESCAPE '\\'`, db));
  }
  return clauses.length ? or(...clauses) : undefined;
}

function whereOf(criteria: LicenseSearchCriteria, db: DbOrTx): SQL | undefined {
  return and(
    matchesOf(criteria, db),
    criteria.status ? eq(licenses.status, criteria.status) : undefined,
    criteria.planId ? eq(licenses.planId, criteria.planId) : undefined,
  );
}

/** How many licenses match the criteria (all licenses when none is given). */
export function countMatchingLicenses(criteria: LicenseSearchCriteria, db: DbOrTx = getDb()): number {
  return db.select({ n: count() }).from(licenses).where(whereOf(criteria, db)).get()?.n ?? 0;
}

/**
 * Licenses matching the criteria (all licenses when none is given), newest first, one
 * page at a time, with the number of seats in use, and how many match in all.
 */
export function searchLicenses(
  criteria: LicenseSearchCriteria,
  page: { limit: number; offset: number },
  db: DbOrTx = getDb(),
): { rows: LicenseSearchRow[]; total: number } {
  const seatsUsed = sql<number>`(SELECT count(*) FROM ${seats} WHERE ${seats.licenseId} = ${licenses.id} AND ${seats.status} = 'active')`;
  const rows = db
    .select({ license: licenses, plan: plans, product: products, seatsUsed })
    .from(licenses)
    .innerJoin(plans, eq(licenses.planId, plans.id))
    .innerJoin(products, eq(plans.productId, products.id))
    .where(whereOf(criteria, db))
    .orderBy(desc(licenses.createdAt), licenses.id)
    .limit(page.limit)
    .offset(page.offset)
    .all();
  return { rows, total: countMatchingLicenses(criteria, db) };
}
