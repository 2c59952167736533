import 'server-only';
import { countAuditEvents, listAuditEventsPage, listAuditFacets, type AuditFilter } from '@/db/queries/audit-log';
import { searchLicenses, type LicenseSearchCriteria, type LicenseSearchRow } from '@/db/queries/license-search';
import { findLicenseById, type LicenseWithPlan } from '@/db/queries/licenses';
import { listSeatsOfLicense } from '@/db/queries/seats';
import type { AuditEvent } from '@/db/schema';
import { licenseUnusableFailure } from '@/lib/licensing/license-usable';
import { issuedFilesOfLicense, seatOfLicense, type IssuedFile, type SupportSeat } from '@/lib/licensing/support-license-detail';

/** How many issued files the admin license page lists. */
const FILES_SHOWN = 200;

type Page = { limit: number; offset: number };

export interface AdminLicenseDetail extends LicenseWithPlan {
  /** Live seats first, newest first within each state (the same list support sees). */
  seats: SupportSeat[];
  seatsUsed: number;
  files: IssuedFile[];
}

/**
 * The license, plan, product, seats and issued files the admin license page shows, or
 * `undefined` when no license has that id. Reading writes no audit row.
 *
 * @example
 * const detail = adminLicenseDetail(licenseId);
 * if (!detail) notFound();
 */
export function adminLicenseDetail(licenseId: string, now = new Date()): AdminLicenseDetail | undefined {
  const found = findLicenseById(licenseId);
  if (!found) return undefined;
  const usable = !licenseUnusableFailure(found, now);
  const seats = listSeatsOfLicense(licenseId).map((seat) => seatOfLicense(seat, now, usable));
  return {
    ...found,
    seats,
    seatsUsed: seats.filter((seat) => seat.releasable).length,
    files: issuedFilesOfLicense(licenseId, FILES_SHOWN),
  };
}

/** One page of the admin license list (criteria from `criteriaOf`) and how many licenses match in all. */
export function adminLicensesPage(criteria: LicenseSearchCriteria, page: Page): { total: number; rows: LicenseSearchRow[] } {
  return searchLicenses(criteria, page);
}

/** The slugs and customer of a freshly issued batch, for the one-time key list. */
export function issuedBatchSummary(licenseId: string): { product: string; plan: string; customerName: string; customerEmail: string; expiresAt: Date | null } {
  const found = findLicenseById(licenseId);
  if (!found) throw new Error(`license ${licenseId} was just issued but cannot be read back`);
  const { license, plan, product } = found;
  return { product: product.slug, plan: plan.slug, customerName: license.customerName, customerEmail: license.customerEmail, expiresAt: license.expiresAt };
}

/** One page of the audit log, how many events match, and the actors and actions to filter by. */
export function auditLogPage(filter: AuditFilter, page: Page): { total: number; events: AuditEvent[]; facets: { actors: string[]; actions: string[] } } {
  return { total: countAuditEvents(filter), events: listAuditEventsPage(filter, page), facets: listAuditFacets() };
}
