import 'server-only';
import { gte, sql, sum } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { hotQuery } from '@/db/prepared';
import { utcDay } from '@/db/dialect';
import { seatCountsDaily } from '@/db/schema';

export type SeatChange = 'activated' | 'deactivated' | 'released';

/** Enough shards that concurrent activations rarely meet on one counter row. */
const SHARDS = 8;

/**
 * Counts one seat change on its UTC day, in the transaction that makes the change, so the
 * overview reads a few hundred counter rows instead of scanning millions of seats.
 */
export async function recordSeatChange(change: SeatChange, at: Date, tx: Tx): Promise<void> {
  await COUNT_ONE[change](tx, { day: utcDay(at), shard: Math.floor(Math.random() * SHARDS) });
}

const countOne = (change: SeatChange) =>
  hotQuery(`count_seat_${change}`, (db) =>
    db
      .insert(seatCountsDaily)
      .values({ day: sql.placeholder('day'), shard: sql.placeholder('shard'), [change]: 1 })
      .onConflictDoUpdate({ target: [seatCountsDaily.day, seatCountsDaily.shard], set: { [change]: sql`${seatCountsDaily[change]} + 1` } }),
  );
const COUNT_ONE = { activated: countOne('activated'), deactivated: countOne('deactivated'), released: countOne('released') };

export interface DailySeatCounts {
  day: string;
  activated: number;
  deactivated: number;
  released: number;
}

/** Seat changes per UTC day since `since` (inclusive), oldest first. */
export async function listSeatCountsSince(since: Date, db: DbOrTx = getDb()): Promise<DailySeatCounts[]> {
  const rows = await db
    .select({
      day: seatCountsDaily.day,
      activated: sum(seatCountsDaily.activated).mapWith(Number),
      deactivated: sum(seatCountsDaily.deactivated).mapWith(Number),
      released: sum(seatCountsDaily.released).mapWith(Number),
    })
    .from(seatCountsDaily)
    .where(gte(seatCountsDaily.day, utcDay(since)))
    .groupBy(seatCountsDaily.day)
    .orderBy(seatCountsDaily.day);
  return rows;
}

/** Seats held right now: every activation ever counted, minus every seat that ended. */
export async function countSeatsHeld(db: DbOrTx = getDb()): Promise<number> {
  const [row] = await db
    .select({ held: sql<number>`coalesce(sum(${seatCountsDaily.activated} - ${seatCountsDaily.deactivated} - ${seatCountsDaily.released}), 0)`.mapWith(Number) })
    .from(seatCountsDaily);
  return row?.held ?? 0;
}
