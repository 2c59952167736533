import 'server-only';
import { and, asc, desc, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { dialect } from '@/db/dialect';
import { licenses, type License } from '@/db/schema';

/** The columns the admin license list sorts by; each has a b-tree index on (value, id) on both engines. */
export const LICENSE_SORT_KEYS = ['created', 'customer', 'expires', 'status'] as const;
type LicenseSortKey = (typeof LICENSE_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface LicenseOrder {
  key: LicenseSortKey;
  direction: SortDirection;
}

/** Newest first: the list's order when none is chosen. */
export const NEWEST_FIRST: LicenseOrder = { key: 'created', direction: 'desc' };

/** A license's place in an order: its sort value (`null`: no expiry) and its id, which breaks ties. */
export interface LicenseCursor {
  value: Date | string | null;
  id: string;
}

interface SortColumn {
  /** The indexed expression, as both engines compare it. */
  expression: SQL;
  /** The value `expression` has for a license row, as the cursor carries it. */
  valueOf: (license: License) => Date | string | null;
  /** How a cursor value is bound in a comparison (timestamps go through the column's mapping). */
  param: (value: Date | string) => SQL;
  nullable: boolean;
  /** An expression index (not a plain column): SQLite seeks it by a plain range only, not by a row value. */
  computed?: boolean;
}

const COLUMNS: Record<LicenseSortKey, SortColumn> = {
  created: { expression: sql`${licenses.createdAt}`, valueOf: (l) => l.createdAt, param: (v) => sql`${sql.param(v, licenses.createdAt)}`, nullable: false },
  // Case-insensitive, as people read names: the index is on lower(customer_name) (db/*-schema.ts).
  customer: { expression: sql`lower(${licenses.customerName})`, valueOf: (l) => l.customerName.toLowerCase(), param: (v) => sql`${v}`, nullable: false, computed: true },
  expires: { expression: sql`${licenses.expiresAt}`, valueOf: (l) => l.expiresAt, param: (v) => sql`${sql.param(v, licenses.expiresAt)}`, nullable: true },
  status: { expression: sql`${licenses.status}`, valueOf: (l) => l.status, param: (v) => sql`${v}`, nullable: false },
};

/** The cursor of a license row in an order. */
export function cursorOf(license: License, order: LicenseOrder): LicenseCursor {
  return { value: COLUMNS[order.key].valueOf(license), id: license.id };
}

/**
 * Compares two positions in an order, as the SQL below orders them: by value, then id;
 * licenses without a value (no expiry: "never") come after every date going up, first going down.
 */
export function compareInOrder(order: LicenseOrder, a: LicenseCursor, b: LicenseCursor): number {
  const ascending = compareAscending(a, b);
  return order.direction === 'asc' ? ascending : -ascending;
}

function compareAscending(a: LicenseCursor, b: LicenseCursor): number {
  if (a.value === null || b.value === null) {
    if (a.value !== b.value) return a.value === null ? 1 : -1;
  } else {
    const [x, y] = a.value instanceof Date && b.value instanceof Date ? [a.value.getTime(), b.value.getTime()] : [String(a.value), String(b.value)];
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * One walk through an order from a cursor, as index ranges: a nullable column's order is
 * two segments (the licenses with a value, by (value, id); those without, by id), each a
 * range of the same (value, id) b-tree on both engines. Going `asc`, values come first and
 * "none" last; `desc` is the exact reverse. The result is the WHERE and ORDER BY of each
 * range still ahead of `from`, in walk order; the caller reads them until its page is full.
 */
export function rangesAhead(order: LicenseOrder, walk: SortDirection, from?: LicenseCursor): { where: SQL | undefined; orderBy: SQL[] }[] {
  const column = COLUMNS[order.key];
  const by = walk === 'asc' ? asc : desc;
  const after = (row: SQL, position: SQL) => (walk === 'asc' ? sql`${row} > ${position}` : sql`${row} < ${position}`);
  const afterPosition = (cursor: LicenseCursor & { value: Date | string }) => {
    // A row value is one range of the (value, id) b-tree on both engines; SQLite needs a plain range to seek an expression index.
    const rowValue = after(sql`(${column.expression}, ${licenses.id})`, sql`(${column.param(cursor.value)}, ${cursor.id})`);
    if (!(column.computed && dialect === 'sqlite')) return rowValue;
    return and(walk === 'asc' ? sql`${column.expression} >= ${column.param(cursor.value)}` : sql`${column.expression} <= ${column.param(cursor.value)}`, rowValue);
  };
  const withValues = (cursor?: LicenseCursor) => ({
    where: and(column.nullable ? isNotNull(column.expression) : undefined, cursor && cursor.value !== null ? afterPosition({ ...cursor, value: cursor.value }) : undefined),
    orderBy: [by(column.expression), by(licenses.id)],
  });
  // Ordered by the (constant) value too, so PostgreSQL reads the b-tree in order instead of sorting.
  const withoutValues = (cursor?: LicenseCursor) => ({
    where: and(isNull(column.expression), cursor ? after(sql`${licenses.id}`, sql`${cursor.id}`) : undefined),
    orderBy: [by(column.expression), by(licenses.id)],
  });
  if (!column.nullable) return [withValues(from)];
  const fromNone = from?.value === null;
  if (walk === 'asc') return fromNone ? [withoutValues(from)] : [withValues(from), withoutValues()];
  return fromNone ? [withoutValues(from), withValues()] : from ? [withValues(from)] : [withoutValues(), withValues()];
}
