import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { dialect } from '@/db/dialect';
import { instanceSettings } from '@/db/schema';

export async function findSetting(key: string, db: DbOrTx = getDb()): Promise<string | undefined> {
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, key));
  return row?.value;
}

export async function insertSetting(key: string, value: string, db: DbOrTx = getDb()): Promise<void> {
  await db.insert(instanceSettings).values({ key, value });
}

/**
 * Serializes first-start work (creating keys, the first admin, demo data) across
 * instances starting at once: on PostgreSQL a transaction-scoped advisory lock; on SQLite
 * the transaction already holds the write lock. Call it first inside the transaction,
 * then check again whether the work is still needed.
 */
export async function lockFirstStart(tx: Tx): Promise<void> {
  if (dialect === 'pg') await tx.execute(sql`SELECT pg_advisory_xact_lock(7272)`);
}
