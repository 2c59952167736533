import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { seats } from '@/db/schema';

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
