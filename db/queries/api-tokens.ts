import 'server-only';
import { and, desc, eq, gte, isNull, lt, or } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { apiTokens, idempotencyKeys, type ApiToken } from '@/db/schema';

export async function insertApiToken(row: typeof apiTokens.$inferInsert, db: DbOrTx = getDb()): Promise<void> {
  await db.insert(apiTokens).values(row);
}

export async function findApiTokenByHash(tokenHash: string, db: DbOrTx = getDb()): Promise<ApiToken | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash));
  return row;
}

export async function findApiTokenById(id: string, db: DbOrTx = getDb()): Promise<ApiToken | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  return row;
}

/** Every token, newest first (an instance has tens, not thousands). */
export async function listApiTokens(db: DbOrTx = getDb()): Promise<ApiToken[]> {
  return db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** Marks a token revoked; false when it was already revoked or does not exist. */
export async function markApiTokenRevoked(id: string, at: Date, db: DbOrTx = getDb()): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/** Records a use, at most once a minute per token, so a busy token does not write on every call. */
export async function touchApiToken(id: string, at: Date, db: DbOrTx = getDb()): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: at })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(at.getTime() - 60_000)))));
}

export interface StoredIdempotentAnswer {
  requestHash: string;
  status: number;
  body: string;
}

export async function findIdempotentAnswer(tokenId: string, key: string, since: Date, db: DbOrTx = getDb()): Promise<StoredIdempotentAnswer | undefined> {
  const [row] = await db
    .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.status, body: idempotencyKeys.body })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.tokenId, tokenId), eq(idempotencyKeys.key, key), gte(idempotencyKeys.createdAt, since)));
  return row;
}

/**
 * Claims `key` for this call inside its transaction, before the work: false when another
 * call holds it (on PostgreSQL a concurrent claim waits here for the holder to commit).
 * An answer older than `expiredBefore` under the same key is forgotten first.
 */
export async function claimIdempotencyKey(row: { tokenId: string; key: string; requestHash: string; createdAt: Date }, expiredBefore: Date, tx: Tx): Promise<boolean> {
  await tx.delete(idempotencyKeys).where(and(eq(idempotencyKeys.tokenId, row.tokenId), eq(idempotencyKeys.key, row.key), lt(idempotencyKeys.createdAt, expiredBefore)));
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ ...row, status: 0, body: '' })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return inserted.length === 1;
}

export async function saveIdempotentAnswer(tokenId: string, key: string, answer: { status: number; body: string }, tx: Tx): Promise<void> {
  await tx.update(idempotencyKeys).set(answer).where(and(eq(idempotencyKeys.tokenId, tokenId), eq(idempotencyKeys.key, key)));
}
