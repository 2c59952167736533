/**
 * Which engine this process runs on, and the few SQL fragments that differ between them.
 * Everything else in db/ is written once (db/schema.ts explains how).
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

export type Dialect = 'sqlite' | 'pg';

/**
 * `DATABASE_URL=postgres://…` selects PostgreSQL; unset (or empty) means the embedded
 * SQLite file in the data directory. Anything else is a mistake worth stopping for.
 */
export function dialectOf(url: string | undefined): Dialect {
  if (!url || url.trim() === '') return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url.trim())) return 'pg';
  throw new Error(`DATABASE_URL must be a postgres:// URL (or unset for the embedded SQLite database); got "${url.replace(/:[^:@/]*@/, ':***@')}"`);
}

/**
 * This process's engine. Reading it never throws: a malformed DATABASE_URL is reported by
 * the start-time settings check (lib/first-start/environment.ts), which calls {@link dialectOf}.
 */
export const dialect: Dialect = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL?.trim() ?? '') ? 'pg' : 'sqlite';

/** Sorts after every character, so `[prefix, prefix + MAX_CHAR)` is every string starting with prefix. */
const MAX_CHAR = '\u{10FFFF}';

/**
 * `expression` starts with `prefix`, as a range compared byte by byte, so that a b-tree
 * index on the expression serves it (PostgreSQL's are built `COLLATE "C"`, db/pg-schema.ts).
 */
export function startsWith(expression: SQLWrapper, prefix: string): SQL {
  const bytewise = dialect === 'pg' ? sql`(${expression}) COLLATE "C"` : sql`${expression}`;
  return sql`${bytewise} >= ${prefix} AND ${bytewise} < ${prefix + MAX_CHAR}`;
}

/** The UTC day (`YYYY-MM-DD`) of a `Date`, as the daily counters key it. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** A timestamp column as seconds since the epoch, for arithmetic with other seconds. */
export function epochSeconds(column: SQLWrapper): SQL<number> {
  return dialect === 'pg' ? sql<number>`extract(epoch from ${column})` : sql<number>`${column}`;
}

/**
 * Newest-inserted first, to break ties between rows stamped in the same second: SQLite's
 * rowid; on PostgreSQL (no rowid) the id, which for these rows is time-ordered
 * (lib/core/ids.ts timeOrderedId).
 */
export function insertedLastFirst(table: SQLWrapper, id: SQLWrapper): SQL {
  return dialect === 'pg' ? sql`${id} DESC` : sql`${table}.rowid DESC`;
}

/**
 * `column`, as an expression no index is chosen for on SQLite (`+column`), for a filter that
 * must not steer the plan: SQLite takes an equality on a two-valued column (license status)
 * for a selective index and scans half the table. PostgreSQL plans from its statistics.
 */
export function notIndexed(column: SQLWrapper): SQL {
  return dialect === 'sqlite' ? sql`+${column}` : sql`${column}`;
}
