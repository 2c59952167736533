import 'server-only';
import { getTableColumns, sql, type Column, type SQL } from 'drizzle-orm';
import { bulkInsert, type Tx } from '@/db/client';
import { dialect } from '@/db/dialect';
import { licenses, seatCountsDaily, seats, type NewLicense, type NewSeat } from '@/db/schema';

/** Rows per INSERT: well under both engines' limits on bound parameters (32,766 and 65,535). */
const CHUNK = 1_000;

/**
 * Writes rows through the engine's bulk path: each value mapped by its own column (so a
 * `Date` becomes seconds on SQLite and a timestamp on PostgreSQL), defaults filled by the
 * caller. Ten times faster than the query builder for a million rows.
 */
async function insertRows<T extends Record<string, unknown>>(table: typeof licenses | typeof seats, name: string, rows: T[], tx: Tx): Promise<void> {
  const columns = Object.entries(getTableColumns(table)) as [string, Column][];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((row) => columns.map(([key, column]) => (row[key] === undefined || row[key] === null ? null : column.mapToDriverValue(row[key]))));
    await bulkInsert(tx, { table: name, columns: columns.map(([, column]) => column.name), rows: chunk });
  }
}

/**
 * Loads many licenses and their seats at once (the scale seed). Unlike the domain's
 * one-seat writes, the caller states each license's `seatsActive` and every column, and
 * adds the daily counters with {@link addSeatCounts}, so the totals match the rows.
 */
export async function insertLicensesInBulk(rows: Required<NewLicense>[], tx: Tx): Promise<void> {
  await insertRows(licenses, 'licenses', rows, tx);
}

export async function insertSeatsInBulk(rows: Required<NewSeat>[], tx: Tx): Promise<void> {
  await insertRows(seats, 'seats', rows, tx);
}

/** Adds whole days of seat changes to the daily counters (shard 0). */
export async function addSeatCounts(days: { day: string; activated: number; deactivated: number; released: number }[], tx: Tx): Promise<void> {
  for (let i = 0; i < days.length; i += CHUNK) {
    await tx
      .insert(seatCountsDaily)
      .values(days.slice(i, i + CHUNK).map((d) => ({ ...d, shard: 0 })))
      .onConflictDoUpdate({
        target: [seatCountsDaily.day, seatCountsDaily.shard],
        set: {
          activated: sql`${seatCountsDaily.activated} + excluded.activated`,
          deactivated: sql`${seatCountsDaily.deactivated} + excluded.deactivated`,
          released: sql`${seatCountsDaily.released} + excluded.released`,
        },
      });
  }
}

/** Refreshes the query planner's statistics after a bulk load (both engines: ANALYZE). */
export async function analyzeTables(tx: Tx): Promise<void> {
  if (dialect === 'pg') await tx.execute(sql`ANALYZE`);
  else await (tx as unknown as { run(query: SQL): Promise<unknown> }).run(sql`ANALYZE`);
}
