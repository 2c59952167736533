import 'server-only';
import { z } from 'zod';
import { searchLicenses as queryLicenses, type LicenseSearchCriteria } from '@/db/queries/license-search';
import { LICENSE_STATUSES } from '@/lib/core/enums';
import { hashLicenseKey, maskLicenseKey, normalizeLicenseKey } from '@/lib/licensing/license-key';

export const SEARCH_PAGE_SIZE = 20;

/** Longest query taken from the search box; anything longer is cut, not refused. */
const MAX_QUERY_LENGTH = 200;
/** A full key is 25 base32 characters; one group is 5 (lib/licensing/license-key.ts). */
const BASE32 = /^[0-9A-HJKMNP-TV-Z]+$/;

export interface LicenseSearchResult {
  id: string;
  maskedKey: string;
  customerName: string;
  customerEmail: string;
  product: string;
  plan: string;
  status: 'active' | 'suspended' | 'expired';
  expiresAt: Date | null;
  seatsUsed: number;
  seatLimit: number;
}

export interface LicenseSearchPage {
  query: string;
  results: LicenseSearchResult[];
  total: number;
  page: number;
  pageCount: number;
}

/** A status from a select box; anything else (an empty "any status" included) is no filter. */
const statusFilter = z.enum(LICENSE_STATUSES).optional().catch(undefined);

/**
 * What one search box means (issue 6 "Find"), for the support console and the admin
 * license list alike: a full key in any case, with or without dashes, matches by hash;
 * one 5-character group matches the first or last group of a key; any text matches
 * customer name or email or a device hostname; and text with no spaces also matches the
 * start of a device fingerprint. `status` (only `active` or `suspended`; anything else
 * is ignored) and `planId` narrow whatever matched.
 *
 * @example
 * const { rows, total } = adminLicensesPage(criteriaOf('9xw3t', { status: 'suspended' }), { limit: 25, offset: 0 });
 */
export function criteriaOf(query: string, filters: { status?: string; planId?: string } = {}): LicenseSearchCriteria {
  const criteria: LicenseSearchCriteria = {};
  const status = statusFilter.parse(filters.status);
  if (status) criteria.status = status;
  if (filters.planId) criteria.planId = filters.planId;
  const text = query.trim().slice(0, MAX_QUERY_LENGTH);
  if (!text) return criteria;
  criteria.text = text;
  const key = normalizeLicenseKey(text);
  if (BASE32.test(key) && key.length === 25) criteria.keyHash = hashLicenseKey(key);
  if (BASE32.test(key) && key.length === 5) criteria.keyGroup = key;
  if (!/\s/.test(text)) criteria.fingerprintPrefix = text;
  return criteria;
}

function statusOf(license: { status: 'active' | 'suspended'; expiresAt: Date | null }, now: Date): LicenseSearchResult['status'] {
  if (license.status === 'suspended') return 'suspended';
  return license.expiresAt && license.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

/**
 * Searches licenses for the support console, one page of {@link SEARCH_PAGE_SIZE} at a
 * time (pages count from 1). An empty query lists every license, newest first.
 *
 * @example
 * const { results, pageCount } = searchLicensesForSupport('jane@example.com', 1);
 */
export function searchLicensesForSupport(query: string, page = 1, now = new Date()): LicenseSearchPage {
  const safePage = Number.isInteger(page) && page > 0 ? page : 1;
  const { rows, total } = queryLicenses(criteriaOf(query), { limit: SEARCH_PAGE_SIZE, offset: (safePage - 1) * SEARCH_PAGE_SIZE });
  return {
    query: query.trim(),
    total,
    page: safePage,
    pageCount: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
    results: rows.map(({ license, plan, product, seatsUsed }) => ({
      id: license.id,
      maskedKey: maskLicenseKey(license.keyPrefix, license.keySuffix),
      customerName: license.customerName,
      customerEmail: license.customerEmail,
      product: product.name,
      plan: plan.name,
      status: statusOf(license, now),
      expiresAt: license.expiresAt,
      seatsUsed,
      seatLimit: plan.seatLimit,
    })),
  };
}
