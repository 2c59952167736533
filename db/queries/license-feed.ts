import 'server-only';
import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { licenses, plans, products } from '@/db/schema';
import type { LicenseWithPlan } from '@/db/queries/licenses';
import type { LicenseStatus } from '@/lib/core/enums';

export interface LicenseFeedFilter {
  customerEmail?: string;
  status?: LicenseStatus;
  planId?: string;
  /** Licenses changed after this instant, oldest change first (a sync's "since my last run"). */
  updatedSince?: Date;
}

/** Where the next page starts: the sort position of the last license of this one. */
export interface LicenseFeedCursor {
  at: Date;
  id: string;
}

/**
 * Licenses for the management API, a page at a time by keyset: oldest first by creation,
 * or by last change when `updatedSince` is given, so a client that pages to the end has seen
 * every license once, however many are added meanwhile. Each filter has its index
 * (customer email, status + created, plan + created, updated).
 */
export async function listLicenseFeed(filter: LicenseFeedFilter, page: { limit: number; after?: LicenseFeedCursor }, db: DbOrTx = getDb()): Promise<LicenseWithPlan[]> {
  const byUpdate = filter.updatedSince !== undefined;
  const position = byUpdate ? licenses.updatedAt : licenses.createdAt;
  const where: (SQL | undefined)[] = [
    filter.customerEmail !== undefined ? eq(licenses.customerEmail, filter.customerEmail) : undefined,
    filter.status ? eq(licenses.status, filter.status) : undefined,
    filter.planId ? eq(licenses.planId, filter.planId) : undefined,
    filter.updatedSince ? gt(licenses.updatedAt, filter.updatedSince) : undefined,
    page.after ? sql`(${position}, ${licenses.id}) > (${sql.param(page.after.at, position)}, ${page.after.id})` : undefined,
  ];
  return db
    .select({ license: licenses, plan: plans, product: products })
    .from(licenses)
    .innerJoin(plans, eq(licenses.planId, plans.id))
    .innerJoin(products, eq(plans.productId, products.id))
    .where(and(...where))
    .orderBy(asc(position), asc(licenses.id))
    .limit(page.limit);
}
