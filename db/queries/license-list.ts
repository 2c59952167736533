import 'server-only';
import { and, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { licenses, plans, products, seats, type License, type LicenseStatus, type Plan, type Product } from '@/db/schema';

export interface LicenseListFilter {
  /** Free text matched against customer name and email (substring, case-insensitive). */
  text?: string;
  /** A full key's hash: an exact match. */
  keyHash?: string;
  /** One group of a key as a customer reads it out: matches the first or last group. */
  keyGroup?: string;
  status?: LicenseStatus;
  planId?: string;
}

export interface LicenseListRow {
  license: License;
  plan: Plan;
  product: Product;
  activeSeats: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function whereOf(filter: LicenseListFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  const matches: (SQL | undefined)[] = [];
  if (filter.text) {
    const pattern = `%${escapeLike(filter.text.toLowerCase())}%`;
    matches.push(sql`lower(${licenses.customerName}) like ${pattern} escape '\\'`, sql`${licenses.customerEmail} like ${pattern} escape '\\'`);
  }
  if (filter.keyHash) matches.push(eq(licenses.keyHash, filter.keyHash));
  if (filter.keyGroup) matches.push(eq(licenses.keyPrefix, filter.keyGroup), eq(licenses.keySuffix, filter.keyGroup));
  if (matches.length > 0) conditions.push(or(...matches));
  if (filter.status) conditions.push(eq(licenses.status, filter.status));
  if (filter.planId) conditions.push(eq(licenses.planId, filter.planId));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

const activeSeatCount = sql<number>`(select count(*) from ${seats} where ${seats.licenseId} = ${licenses.id} and ${seats.status} = 'active')`;

/** One page of licenses, newest first, with their plan, product and live seat count. */
export function listLicensesPage(filter: LicenseListFilter, page: { limit: number; offset: number }, db: DbOrTx = getDb()): LicenseListRow[] {
  return db
    .select({ license: licenses, plan: plans, product: products, activeSeats: activeSeatCount })
    .from(licenses)
    .innerJoin(plans, eq(licenses.planId, plans.id))
    .innerJoin(products, eq(plans.productId, products.id))
    .where(whereOf(filter))
    .orderBy(desc(licenses.createdAt), desc(licenses.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
}

export function countLicenses(filter: LicenseListFilter, db: DbOrTx = getDb()): number {
  return db.select({ n: count() }).from(licenses).where(whereOf(filter)).get()?.n ?? 0;
}
