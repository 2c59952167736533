import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { getDb } from '@/db/client';
import { hotQuery } from '@/db/prepared';
import { usedNonces, type UsedNonce } from '@/db/schema';

const selectNonce = hotQuery('find_used_nonce', (db) =>
  db
    .select()
    .from(usedNonces)
    .where(eq(usedNonces.jti, sql.placeholder('jti'))),
);

export async function findUsedNonce(jti: string, db: DbOrTx = getDb()): Promise<UsedNonce | undefined> {
  const [row] = await selectNonce(db, { jti });
  return row;
}

const insertNonce = hotQuery('claim_nonce', (db) =>
  db
    .insert(usedNonces)
    .values({ jti: sql.placeholder('jti'), kind: sql.placeholder('kind'), seatId: sql.placeholder('seatId'), usedAt: sql.placeholder('usedAt') })
    .onConflictDoNothing()
    .returning({ jti: usedNonces.jti }),
);

/**
 * Records a nonce as used; false when it already was. The primary key decides, so the
 * same nonce sent to two instances at once is accepted by exactly one of them: on
 * PostgreSQL the second insert waits for the first transaction and then finds the row.
 */
export async function claimNonce(row: UsedNonce, db: DbOrTx = getDb()): Promise<boolean> {
  const inserted = await insertNonce(db, { ...row });
  return inserted.length === 1;
}
