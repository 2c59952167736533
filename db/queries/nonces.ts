import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { usedNonces, type UsedNonce } from '@/db/schema';

export async function findUsedNonce(jti: string, db: DbOrTx = getDb()): Promise<UsedNonce | undefined> {
  const [row] = await db.select().from(usedNonces).where(eq(usedNonces.jti, jti));
  return row;
}

/**
 * Records a nonce as used; false when it already was. The primary key decides, so the
 * same nonce sent to two instances at once is accepted by exactly one of them: on
 * PostgreSQL the second insert waits for the first transaction and then finds the row.
 */
export async function claimNonce(row: UsedNonce, db: DbOrTx = getDb()): Promise<boolean> {
  const inserted = await db.insert(usedNonces).values(row).onConflictDoNothing().returning({ jti: usedNonces.jti });
  return inserted.length === 1;
}
