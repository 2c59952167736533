import 'server-only';
import { lt, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { hotQuery } from '@/db/prepared';
import { rateLimitWindows } from '@/db/schema';

const upsertHit = hotQuery('count_rate_limit_hit', (db) =>
  db
    .insert(rateLimitWindows)
    .values({ key: sql.placeholder('key'), windowStart: sql.placeholder('windowStart'), hits: 1 })
    .onConflictDoUpdate({ target: [rateLimitWindows.key, rateLimitWindows.windowStart], set: { hits: sql`${rateLimitWindows.hits} + 1` } })
    .returning({ hits: rateLimitWindows.hits }),
);

/**
 * Counts one hit of `key` in the window starting at `windowStart` and returns the
 * window's hits so far. One upsert, atomic on both engines, so every instance on the
 * database counts into the same window. Prepared once: it runs before every public
 * request and portal action.
 */
export async function countHit(key: string, windowStart: number, db: DbOrTx = getDb()): Promise<number> {
  const [row] = await upsertHit(db, { key, windowStart });
  return row?.hits ?? 1;
}

/** Forgets windows that started before `before`. */
export async function deleteWindowsBefore(before: number, db: DbOrTx = getDb()): Promise<void> {
  await db.delete(rateLimitWindows).where(lt(rateLimitWindows.windowStart, before));
}
