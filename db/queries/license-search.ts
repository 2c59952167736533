import 'server-only';
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { dialect, startsWith } from '@/db/dialect';
import { licenses, plans, products, seats, type License, type Plan, type Product } from '@/db/schema';
import type { LicenseStatus } from '@/lib/core/enums';

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

/** Where a page starts: just after (older than) or just before (newer than) this license. */
export interface LicenseCursor {
  createdAt: Date;
  id: string;
}

export interface LicensePageRequest {
  limit: number;
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

/** Newest first: creation time, then id, both descending (the keyset order). */
function newerFirst(a: LicenseCursor, b: LicenseCursor): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * The matched licenses' keys, filtered and newest first: a few thousand at most, read by
 * primary key, so each engine's planner has nothing to guess.
 */
async function matchedInOrder(criteria: LicenseSearchCriteria, ids: string[], db: DbOrTx): Promise<LicenseCursor[]> {
  const keys: LicenseCursor[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .select({ id: licenses.id, createdAt: licenses.createdAt, status: licenses.status, planId: licenses.planId })
      .from(licenses)
      .where(inArray(licenses.id, ids.slice(i, i + 500)));
    for (const row of rows) {
      if (criteria.status && row.status !== criteria.status) continue;
      if (criteria.planId && row.planId !== criteria.planId) continue;
      keys.push({ id: row.id, createdAt: row.createdAt });
    }
  }
  return keys.sort(newerFirst);
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
  const matched = await matchedInOrder(criteria, candidates.ids, db);
  return { n: matched.length, capped: candidates.capped };
}

function selectRows(db: DbOrTx) {
  return db
    .select({ license: licenses, plan: plans, product: products })
    .from(licenses)
    .innerJoin(plans, eq(licenses.planId, plans.id))
    .innerJoin(products, eq(plans.productId, products.id));
}

/**
 * One page of the licenses matching the criteria (all licenses when none is given),
 * newest first, with the seats in use. Pages are keyset (after/before a license), so any
 * page of a million licenses costs the same; the whole catalogue is counted up to a cap.
 */
export async function searchLicenses(criteria: LicenseSearchCriteria, page: LicensePageRequest, db: DbOrTx = getDb()): Promise<LicenseSearchPage> {
  const backwards = Boolean(page.before && !page.after);
  const cursor = page.after ?? page.before;
  const candidates = await candidateIds(criteria, db);
  let fetched: Omit<LicenseSearchRow, 'seatsUsed'>[];
  let total: CappedCount;
  if (candidates) {
    const matched = await matchedInOrder(criteria, candidates.ids, db);
    total = { n: matched.length, capped: candidates.capped };
    const newer = cursor ? matched.filter((key) => newerFirst(key, cursor) < 0) : [];
    const older = cursor ? matched.filter((key) => newerFirst(key, cursor) > 0) : matched;
    const window = backwards ? newer.slice(-(page.limit + 1)).reverse() : older.slice(0, page.limit + 1);
    const ids = window.map((key) => key.id);
    const rows = ids.length ? await selectRows(db).where(inArray(licenses.id, ids)) : [];
    const byId = new Map(rows.map((row) => [row.license.id, row]));
    fetched = ids.map((id) => byId.get(id)!).filter(Boolean);
  } else {
    // A row-value comparison: both engines read it as one range of the (created_at, id) index.
    const position = cursor ? sql`(${sql.param(cursor.createdAt, licenses.createdAt)}, ${cursor.id})` : undefined;
    const keyset = position ? (backwards ? sql`(${licenses.createdAt}, ${licenses.id}) > ${position}` : sql`(${licenses.createdAt}, ${licenses.id}) < ${position}`) : undefined;
    const order = backwards ? [asc(licenses.createdAt), asc(licenses.id)] : [desc(licenses.createdAt), desc(licenses.id)];
    [fetched, total] = await Promise.all([
      selectRows(db)
        .where(and(filtersOf(criteria), keyset))
        .orderBy(...order)
        .limit(page.limit + 1),
      cappedCount(filtersOf(criteria), db),
    ]);
  }
  const more = fetched.length > page.limit;
  const shown = fetched.slice(0, page.limit);
  if (backwards) shown.reverse();
  const rows = shown.map((row) => ({ ...row, seatsUsed: row.license.seatsActive }));
  const cursorOf = (row: LicenseSearchRow | undefined) => (row ? { createdAt: row.license.createdAt, id: row.license.id } : undefined);
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    rows,
    total,
    next: backwards || more ? cursorOf(last) : undefined,
    previous: backwards ? (more ? cursorOf(first) : undefined) : cursor ? cursorOf(first) : undefined,
  };
}
