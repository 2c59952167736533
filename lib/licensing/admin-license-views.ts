import 'server-only';
import { countAuditEvents, listAuditEventsPage, listAuditFacets, type AuditFilter } from '@/db/queries/audit-log';
import { NEWEST_FIRST, type LicenseOrder } from '@/db/queries/license-order';
import { searchLicenses, type CappedCount, type LicenseSearchCriteria, type LicenseSearchRow } from '@/db/queries/license-search';
import { findLicenseById } from '@/db/queries/licenses';
import type { AuditEvent } from '@/db/schema';
import { encodedCursorsOf, pageRequestOf } from '@/lib/licensing/search-licenses';

type Page = { limit: number; offset: number };

export interface AdminLicensesPage {
  rows: LicenseSearchRow[];
  /** How many licenses match, counted up to a cap: `capped` means "more than `n`". */
  total: CappedCount;
  /** Cursor of the next page in the order, for `?after=`, when there is one. */
  next?: string;
  /** Cursor of the previous page, for `?before=`, when this is not the first. */
  previous?: string;
}

/**
 * One page of the admin license list (criteria from `criteriaOf`) in `page.order`
 * (newest first when none; see `licenseOrderOf`), and how many licenses match in all.
 * `page.cursor` is a page's `next` or `previous`; none, a malformed one, or one from
 * another order is the first page.
 *
 * @example
 * const { rows, total, next, previous } = await adminLicensesPage(criteriaOf(q), { limit: 25, cursor, order: licenseOrderOf('customer', 'asc') });
 */
export async function adminLicensesPage(criteria: LicenseSearchCriteria, page: { limit: number; cursor?: string | null; order?: LicenseOrder }): Promise<AdminLicensesPage> {
  const order = page.order ?? NEWEST_FIRST;
  const found = await searchLicenses(criteria, pageRequestOf(page.cursor, page.limit, order));
  return { rows: found.rows, total: found.total, ...encodedCursorsOf(found, order) };
}

/** The slugs and customer of a freshly issued batch, for the one-time key list. */
export async function issuedBatchSummary(licenseId: string): Promise<{ product: string; plan: string; customerName: string; customerEmail: string; expiresAt: Date | null }> {
  const found = await findLicenseById(licenseId);
  if (!found) throw new Error(`license ${licenseId} was just issued but cannot be read back`);
  const { license, plan, product } = found;
  return { product: product.slug, plan: plan.slug, customerName: license.customerName, customerEmail: license.customerEmail, expiresAt: license.expiresAt };
}

/** One page of the audit log, how many events match, and the actors and actions to filter by. */
export async function auditLogPage(filter: AuditFilter, page: Page): Promise<{ total: number; events: AuditEvent[]; facets: { actors: string[]; actions: string[] } }> {
  const [total, events, facets] = await Promise.all([countAuditEvents(filter), listAuditEventsPage(filter, page), listAuditFacets()]);
  return { total, events, facets };
}
