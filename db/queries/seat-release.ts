import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { seats, type Seat } from '@/db/schema';

export function findSeatById(id: string, db: DbOrTx = getDb()): Seat | undefined {
  return db.select().from(seats).where(eq(seats.id, id)).get();
}

export function countActiveSeats(licenseId: string, db: DbOrTx = getDb()): number {
  return db.select({ n: count() }).from(seats).where(and(eq(seats.licenseId, licenseId), eq(seats.status, 'active'))).get()?.n ?? 0;
}

/**
 * Marks a seat released, only while it is still active; returns whether it changed.
 * The status condition makes a second release (or a release racing a deactivation)
 * a no-op instead of overwriting who freed the seat and why.
 */
export function releaseActiveSeat(
  id: string,
  release: { releasedAt: Date; releaseReason: string; releasedBy: string },
  db: DbOrTx = getDb(),
): boolean {
  const result = db
    .update(seats)
    .set({ status: 'released', ...release })
    .where(and(eq(seats.id, id), eq(seats.status, 'active')))
    .run();
  return result.changes === 1;
}
