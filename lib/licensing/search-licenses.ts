import 'server-only';
import { z } from 'zod';
import { LICENSE_SORT_KEYS, NEWEST_FIRST, type LicenseCursor, type LicenseOrder } from '@/db/queries/license-order';
import { searchLicenses as queryLicenses, type CappedCount, type LicensePageRequest, type LicenseSearchCriteria } from '@/db/queries/license-search';
import { LICENSE_STATUSES } from '@/lib/core/enums';
import { hashLicenseKey, maskLicenseKey, normalizeLicenseKey } from '@/lib/licensing/license-key';

export const SEARCH_PAGE_SIZE = 20;

/** Longest query taken from the search box; anything longer is cut, not refused. */
const MAX_QUERY_LENGTH = 200;
/** A full key is 25 base32 characters; one group is 5 (lib/licensing/license-key.ts). */
const BASE32 = /^[0-9A-HJKMNP-TV-Z]+$/;

interface LicenseSearchResult {
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
  /** How many licenses match, counted up to a cap: `capped` means "more than `n`". */
  total: CappedCount;
  /** Cursor ({@link encodeCursor}) of the next page (older licenses), when there is one. */
  next?: string;
  /** Cursor of the previous page (newer licenses), when this is not the first. */
  previous?: string;
}

/** Which side of a license a page starts on, in which order: `after` is the next page, `before` the previous one. */
export interface PageCursor {
  direction: 'after' | 'before';
  order: LicenseOrder;
  at: LicenseCursor;
}

const TIMESTAMP_KEYS: ReadonlySet<LicenseOrder['key']> = new Set(['created', 'expires']);

const cursorText = z.object({
  d: z.enum(['a', 'b']),
  k: z.enum(LICENSE_SORT_KEYS),
  o: z.enum(['asc', 'desc']),
  v: z.union([z.number().int().min(-8.64e15).max(8.64e15), z.string().max(500), z.null()]),
  i: z.string().min(1).max(200),
});

/**
 * A page position as an opaque, URL-safe string for links (`?after=…`): base64url of a
 * small JSON object with the direction, the order and the license's (value, id).
 *
 * @example
 * const href = `/support?q=${q}&after=${encodeCursor({ direction: 'after', order: NEWEST_FIRST, at: { value: createdAt, id } })}`;
 */
export function encodeCursor(cursor: PageCursor): string {
  const value = cursor.at.value instanceof Date ? cursor.at.value.getTime() : cursor.at.value;
  const text = JSON.stringify({ d: cursor.direction === 'before' ? 'b' : 'a', k: cursor.order.key, o: cursor.order.direction, v: value, i: cursor.at.id });
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** The position an {@link encodeCursor} string names; anything malformed (or none) is `undefined`: the first page. */
export function decodeCursor(text: string | null | undefined): PageCursor | undefined {
  if (!text || text.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = cursorText.safeParse(json);
  if (!parsed.success) return undefined;
  const { d, k, o, v, i } = parsed.data;
  // A timestamp order carries milliseconds (or null: no expiry); the others carry text.
  const valid = TIMESTAMP_KEYS.has(k) ? typeof v === 'number' || (v === null && k === 'expires') : typeof v === 'string';
  if (!valid) return undefined;
  return { direction: d === 'b' ? 'before' : 'after', order: { key: k, direction: o }, at: { value: typeof v === 'number' ? new Date(v) : v, id: i } };
}

/**
 * The keyset page request for an {@link encodeCursor} string in `order` (the first page
 * when it is missing, malformed, or from another order).
 */
export function pageRequestOf(cursor: string | null | undefined, limit: number, order: LicenseOrder = NEWEST_FIRST): LicensePageRequest {
  const decoded = decodeCursor(cursor);
  if (!decoded || decoded.order.key !== order.key || decoded.order.direction !== order.direction) return { limit, order };
  return decoded.direction === 'before' ? { limit, order, before: decoded.at } : { limit, order, after: decoded.at };
}

/** The next and previous cursors of a page in `order`, encoded for links. */
export function encodedCursorsOf(page: { next?: LicenseCursor; previous?: LicenseCursor }, order: LicenseOrder = NEWEST_FIRST): { next?: string; previous?: string } {
  return {
    ...(page.next ? { next: encodeCursor({ direction: 'after', order, at: page.next }) } : {}),
    ...(page.previous ? { previous: encodeCursor({ direction: 'before', order, at: page.previous }) } : {}),
  };
}

export type { LicenseOrder };

const sortKey = z.enum(LICENSE_SORT_KEYS).catch('created');
const sortDirection = z.enum(['asc', 'desc']).optional().catch(undefined);

/**
 * The order of the admin license list from its `?sort=&dir=` parameters: newest first
 * when none (or nonsense) is given; a column without a direction sorts the way people
 * expect it (names A to Z, expiry soonest first, dates newest first).
 *
 * @example
 * licenseOrderOf('customer', 'desc'); // { key: 'customer', direction: 'desc' }
 */
export function licenseOrderOf(sort: string | undefined, direction: string | undefined): LicenseOrder {
  const key = sort ? sortKey.parse(sort) : NEWEST_FIRST.key;
  return { key, direction: sortDirection.parse(direction) ?? (key === 'created' ? 'desc' : 'asc') };
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
 * const { rows, total, next } = await adminLicensesPage(criteriaOf('9xw3t', { status: 'suspended' }), { limit: 25 });
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
 * time, newest first; `cursor` is a page's `next` or `previous` (none, or a malformed
 * one, is the first page). An empty query lists every license.
 *
 * @example
 * const { results, total, next } = await searchLicensesForSupport('jane@example.com');
 * const older = next ? await searchLicensesForSupport('jane@example.com', next) : undefined;
 */
export async function searchLicensesForSupport(query: string, cursor?: string | null, now = new Date()): Promise<LicenseSearchPage> {
  const page = await queryLicenses(criteriaOf(query), pageRequestOf(cursor, SEARCH_PAGE_SIZE));
  const { rows, total } = page;
  return {
    query: query.trim(),
    total,
    ...encodedCursorsOf(page),
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
