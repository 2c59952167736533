import 'server-only';
import { asc, inArray } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { seatFingerprintHistory } from '@/db/schema';

export async function insertFingerprintHistory(row: typeof seatFingerprintHistory.$inferInsert, tx: Tx): Promise<void> {
  await tx.insert(seatFingerprintHistory).values(row);
}

/** The earlier fingerprints of these seats, oldest first. */
export async function listFingerprintHistoryOfSeats(seatIds: string[], db: DbOrTx = getDb()): Promise<(typeof seatFingerprintHistory.$inferSelect)[]> {
  if (seatIds.length === 0) return [];
  return db.select().from(seatFingerprintHistory).where(inArray(seatFingerprintHistory.seatId, seatIds)).orderBy(asc(seatFingerprintHistory.reboundAt));
}
