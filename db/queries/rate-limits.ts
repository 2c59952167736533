import 'server-only';
import { lt, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { rateLimitWindows } from '@/db/schema';

/**
 * Counts one hit of `key` in the window starting at `windowStart` and returns the
 * window's hits so far. One upsert, atomic on both engines, so every instance on the
 * database counts into the same window.
 */
export async function countHit(key: string, windowStart: number, db: DbOrTx = getDb()): Promise<number> {
  const [row] = await db
    .insert(rateLimitWindows)
    .values({ key, windowStart, hits: 1 })
    .onConflictDoUpdate({ target: [rateLimitWindows.key, rateLimitWindows.windowStart], set: { hits: sql`${rateLimitWindows.hits} + 1` } })
    .returning({ hits: rateLimitWindows.hits });
  return row?.hits ?? 1;
}

/** Forgets windows that started before `before`. */
export async function deleteWindowsBefore(before: number, db: DbOrTx = getDb()): Promise<void> {
  await db.delete(rateLimitWindows).where(lt(rateLimitWindows.windowStart, before));
}
