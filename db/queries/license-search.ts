import 'server-only';
import { and, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { dialect, startsWith } from '@/db/dialect';
import { licenses, plans, products, seats, type License, type Plan, type Product } from '@/db/schema';
import type { LicenseStatus } from '@/lib/core/enums';
import { compareInOrder, cursorOf, NEWEST_FIRST, rangesAhead, type LicenseCursor, type LicenseOrder } from '@/db/queries/license-order';

/**
 * What a license search box matched on, for the support console and the admin list:
 * every match given is OR-ed, and the result is narrowed by `status` and `planId`.
 */
export interface LicenseSearchCriteria {
  /** Hash of a full license key. */
  keyHash?: string;
  /** One 5-character group a customer reads out: matches the first or the last group. */
  keyGroup?: string;
  /** Substring (3 characters or more) of the customer's name or email; start of a device's hostname. */
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

/** A count that stopped at a cap: `capped` means "more than `n`". */
export interface CappedCount {
  n: number;
  capped: boolean;
}

export interface LicensePageRequest {
  limit: number;
  /** Newest first when not given. */
  order?: LicenseOrder;
  after?: LicenseCursor;
  before?: LicenseCursor;
}

export interface LicenseSearchPage {
  rows: LicenseSearchRow[];
  total: CappedCount;
  /** The page after this one, when there is one. */
  next?: LicenseCursor;
  /** The page before this one, when this is not the first. */
  previous?: LicenseCursor;
}

/** Each way of matching returns at most this many licenses; more says "refine the search". */
const MATCHES_PER_KIND = 1_000;
/** Counting licenses stops here (the unfiltered list of a large catalogue). */
const COUNT_CAP = 10_000;
/** `name@domain.tld`: emails are stored lower-cased (lib/licensing/issue-licenses.ts). */
const WHOLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Trigram search needs three characters. */
const MIN_TEXT = 3;

type Ids = { ids: string[]; capped: boolean };

async function idsOf(query: Promise<{ id: string }[]>): Promise<Ids> {
  const rows = await query;
  return { ids: rows.map((r) => r.id), capped: rows.length > MATCHES_PER_KIND };
}

/** Customer name or email containing `text`: SQLite FTS5 trigram, PostgreSQL pg_trgm (db/migrations). */
function licensesWithCustomerText(text: string, db: DbOrTx): Promise<{ id: string }[]> {
  if (dialect === 'pg') {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // An email has no spaces: text with one is looked for in names only (half the index work).
    const inEmail = /\s/.test(text) ? undefined : sql`${licenses.customerEmail} ILIKE ${pattern}`;
    return db
      .select({ id: licenses.id })
      .from(licenses)
      .where(or(sql`${licenses.customerName} ILIKE ${pattern}`, inEmail))
      .limit(MATCHES_PER_KIND + 1);
  }
  // An FTS5 string (a phrase): trigram-tokenized, so it matches anywhere, ignoring case.
  const phrase = `"${text.replace(/"/g, '""')}"`;
  return db
    .select({ id: licenses.id })
    .from(sql`licenses_fts`)
    .innerJoin(licenses, sql`${licenses}.rowid = licenses_fts.rowid`)
    .where(sql`licenses_fts MATCH ${phrase}`)
    .limit(MATCHES_PER_KIND + 1);
}

function licensesWithSeatWhere(condition: SQL, db: DbOrTx): Promise<{ id: string }[]> {
  return db
    .selectDistinct({ id: seats.licenseId })
    .from(seats)
    .where(condition)
    .limit(MATCHES_PER_KIND + 1);
}

/**
 * The licenses each given criterion matches, each kind by its own index: key hash, key
 * groups, customer text (trigram), hostname start and fingerprint start (b-tree ranges).
 * `undefined` when the criteria have no match terms (the whole catalogue).
 */
async function candidateIds(criteria: LicenseSearchCriteria, db: DbOrTx): Promise<Ids | undefined> {
  // A full key names one license: when it does, nothing else typed could mean more.
  if (criteria.keyHash) {
    const byKey = await db.select({ id: licenses.id }).from(licenses).where(eq(licenses.keyHash, criteria.keyHash));
    if (byKey.length > 0) return { ids: byKey.map((r) => r.id), capped: false };
  }
  const lookups: Promise<Ids>[] = [];
  if (criteria.keyGroup) {
    const group = criteria.keyGroup;
    lookups.push(idsOf(db.select({ id: licenses.id }).from(licenses).where(eq(licenses.keyPrefix, group)).limit(MATCHES_PER_KIND + 1)));
    lookups.push(idsOf(db.select({ id: licenses.id }).from(licenses).where(eq(licenses.keySuffix, group)).limit(MATCHES_PER_KIND + 1)));
  }
  if (criteria.text) {
    // A whole email address is looked up as one (b-tree); anything else by substring (trigram).
    if (WHOLE_EMAIL.test(criteria.text)) {
      lookups.push(idsOf(db.select({ id: licenses.id }).from(licenses).where(eq(licenses.customerEmail, criteria.text.toLowerCase())).limit(MATCHES_PER_KIND + 1)));
    } else if (criteria.text.length >= MIN_TEXT) {
      lookups.push(idsOf(licensesWithCustomerText(criteria.text, db)));
    }
    lookups.push(idsOf(licensesWithSeatWhere(startsWith(sql`lower(${seats.hostname})`, criteria.text.toLowerCase()), db)));
  }
  if (criteria.fingerprintPrefix) lookups.push(idsOf(licensesWithSeatWhere(startsWith(seats.fingerprint, criteria.fingerprintPrefix), db)));
  if (lookups.length === 0) return undefined;
  const found = await Promise.all(lookups);
  return { ids: [...new Set(found.flatMap((f) => f.ids))], capped: found.some((f) => f.capped) };
}

function filtersOf(criteria: LicenseSearchCriteria): SQL | undefined {
  return and(criteria.status ? eq(licenses.status, criteria.status) : undefined, criteria.planId ? eq(licenses.planId, criteria.planId) : undefined);
}

/**
 * The matched licenses' positions, filtered and in the order asked: a few thousand at
 * most, read by primary key, so each engine's planner has nothing to guess.
 */
async function matchedInOrder(criteria: LicenseSearchCriteria, ids: string[], order: LicenseOrder, db: DbOrTx): Promise<LicenseCursor[]> {
  const keys: LicenseCursor[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .select()
      .from(licenses)
      .where(inArray(licenses.id, ids.slice(i, i + 500)));
    for (const row of rows) {
      if (criteria.status && row.status !== criteria.status) continue;
      if (criteria.planId && row.planId !== criteria.planId) continue;
      keys.push(cursorOf(row, order));
    }
  }
  return keys.sort((a, b) => compareInOrder(order, a, b));
}

async function cappedCount(where: SQL | undefined, db: DbOrTx): Promise<CappedCount> {
  const limited = db
    .select({ id: licenses.id })
    .from(licenses)
    .where(where)
    .limit(COUNT_CAP + 1)
    .as('limited');
  const [row] = await db.select({ n: count() }).from(limited);
  const n = row?.n ?? 0;
  return n > COUNT_CAP ? { n: COUNT_CAP, capped: true } : { n, capped: false };
}

/** How many licenses match the criteria, counted up to a cap. */
export async function countMatchingLicenses(criteria: LicenseSearchCriteria, db: DbOrTx = getDb()): Promise<CappedCount> {
  const candidates = await candidateIds(criteria, db);
  if (!candidates) return cappedCount(filtersOf(criteria), db);
  const matched = await matchedInOrder(criteria, candidates.ids, NEWEST_FIRST, db);
  return { n: matched.length, capped: candidates.capped };
}

function selectRows(db: DbOrTx) {
  return db
    .select({ license: licenses, plan: plans, product: products })
    .from(licenses)
    .innerJoin(plans, eq(licenses.planId, plans.id))
    .innerJoin(products, eq(plans.productId, products.id));
}

/** Up to `limit` rows ahead of `from` in the order, walking `walk`: one index range after another. */
async function readAhead(where: SQL | undefined, order: LicenseOrder, walk: 'asc' | 'desc', from: LicenseCursor | undefined, limit: number, db: DbOrTx) {
  const rows: Omit<LicenseSearchRow, 'seatsUsed'>[] = [];
  for (const range of rangesAhead(order, walk, from)) {
    if (rows.length >= limit) break;
    rows.push(
      ...(await selectRows(db)
        .where(and(where, range.where))
        .orderBy(...range.orderBy)
        .limit(limit - rows.length)),
    );
  }
  return rows;
}

/**
 * One page of the licenses matching the criteria (all licenses when none is given), in
 * the order asked (newest first by default), with the seats in use. Pages are keyset
 * (after/before a license's (value, id)), so any page of a million licenses costs the
 * same in every order; the whole catalogue is counted up to a cap.
 */
export async function searchLicenses(criteria: LicenseSearchCriteria, page: LicensePageRequest, db: DbOrTx = getDb()): Promise<LicenseSearchPage> {
  const order = page.order ?? NEWEST_FIRST;
  const backwards = Boolean(page.before && !page.after);
  const cursor = page.after ?? page.before;
  const candidates = await candidateIds(criteria, db);
  let fetched: Omit<LicenseSearchRow, 'seatsUsed'>[];
  let total: CappedCount;
  if (candidates) {
    const matched = await matchedInOrder(criteria, candidates.ids, order, db);
    total = { n: matched.length, capped: candidates.capped };
    const earlier = cursor ? matched.filter((key) => compareInOrder(order, key, cursor) < 0) : [];
    const later = cursor ? matched.filter((key) => compareInOrder(order, key, cursor) > 0) : matched;
    const window = backwards ? earlier.slice(-(page.limit + 1)).reverse() : later.slice(0, page.limit + 1);
    const ids = window.map((key) => key.id);
    const rows = ids.length ? await selectRows(db).where(inArray(licenses.id, ids)) : [];
    const byId = new Map(rows.map((row) => [row.license.id, row]));
    fetched = ids.map((id) => byId.get(id)!).filter(Boolean);
  } else {
    // Going back walks the order the other way from the cursor, then the page is turned round.
    const walk = backwards === (order.direction === 'asc') ? 'desc' : 'asc';
    [fetched, total] = await Promise.all([readAhead(filtersOf(criteria), order, walk, cursor, page.limit + 1, db), cappedCount(filtersOf(criteria), db)]);
  }
  const more = fetched.length > page.limit;
  const shown = fetched.slice(0, page.limit);
  if (backwards) shown.reverse();
  const rows = shown.map((row) => ({ ...row, seatsUsed: row.license.seatsActive }));
  const positionOf = (row: LicenseSearchRow | undefined) => (row ? cursorOf(row.license, order) : undefined);
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    rows,
    total,
    next: backwards || more ? positionOf(last) : undefined,
    previous: backwards ? (more ? positionOf(first) : undefined) : cursor ? positionOf(first) : undefined,
  };
}
