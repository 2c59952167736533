import 'server-only';
import { asc, desc, eq, ne } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { encryptionKeys, signingKeys, type EncryptionKey, type SigningKey } from '@/db/schema';
import type { KeyStatus } from '@/lib/core/enums';

export async function listSigningKeys(db: DbOrTx = getDb()): Promise<SigningKey[]> {
  return db.select().from(signingKeys).orderBy(desc(signingKeys.createdAt), asc(signingKeys.kid));
}

export async function findActiveSigningKey(db: DbOrTx = getDb()): Promise<SigningKey | undefined> {
  const [row] = await db.select().from(signingKeys).where(eq(signingKeys.status, 'active'));
  return row;
}

export async function findSigningKey(kid: string, db: DbOrTx = getDb()): Promise<SigningKey | undefined> {
  const [row] = await db.select().from(signingKeys).where(eq(signingKeys.kid, kid));
  return row;
}

/** Keys that verify files: active and retired, never revoked. */
export async function listPublishedSigningKeys(db: DbOrTx = getDb()): Promise<SigningKey[]> {
  return db.select().from(signingKeys).where(ne(signingKeys.status, 'revoked')).orderBy(desc(signingKeys.createdAt));
}

export async function insertSigningKey(row: typeof signingKeys.$inferInsert, db: DbOrTx = getDb()): Promise<void> {
  await db.insert(signingKeys).values(row);
}

export async function setSigningKeyStatus(kid: string, status: KeyStatus, at: Date, db: DbOrTx = getDb()): Promise<void> {
  await db
    .update(signingKeys)
    .set({
      status,
      ...(status === 'retired' ? { retiredAt: at } : {}),
      ...(status === 'revoked' ? { revokedAt: at } : {}),
    })
    .where(eq(signingKeys.kid, kid));
}

export async function listUsableEncryptionKeys(db: DbOrTx = getDb()): Promise<EncryptionKey[]> {
  return db.select().from(encryptionKeys).where(ne(encryptionKeys.status, 'revoked')).orderBy(desc(encryptionKeys.createdAt));
}

export async function insertEncryptionKey(row: typeof encryptionKeys.$inferInsert, db: DbOrTx = getDb()): Promise<void> {
  await db.insert(encryptionKeys).values(row);
}
