import 'server-only';
import { asc, desc, eq, ne } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { encryptionKeys, signingKeys, type EncryptionKey, type KeyStatus, type SigningKey } from '@/db/schema';

export function listSigningKeys(db: DbOrTx = getDb()): SigningKey[] {
  return db.select().from(signingKeys).orderBy(desc(signingKeys.createdAt), asc(signingKeys.kid)).all();
}

export function findActiveSigningKey(db: DbOrTx = getDb()): SigningKey | undefined {
  return db.select().from(signingKeys).where(eq(signingKeys.status, 'active')).get();
}

export function findSigningKey(kid: string, db: DbOrTx = getDb()): SigningKey | undefined {
  return db.select().from(signingKeys).where(eq(signingKeys.kid, kid)).get();
}

/** Keys that verify files: active and retired, never revoked. */
export function listPublishedSigningKeys(db: DbOrTx = getDb()): SigningKey[] {
  return db.select().from(signingKeys).where(ne(signingKeys.status, 'revoked')).orderBy(desc(signingKeys.createdAt)).all();
}

export function insertSigningKey(row: typeof signingKeys.$inferInsert, db: DbOrTx = getDb()): void {
  db.insert(signingKeys).values(row).run();
}

export function setSigningKeyStatus(kid: string, status: KeyStatus, at: Date, db: DbOrTx = getDb()): void {
  db.update(signingKeys)
    .set({
      status,
      ...(status === 'retired' ? { retiredAt: at } : {}),
      ...(status === 'revoked' ? { revokedAt: at } : {}),
    })
    .where(eq(signingKeys.kid, kid))
    .run();
}

export function listUsableEncryptionKeys(db: DbOrTx = getDb()): EncryptionKey[] {
  return db.select().from(encryptionKeys).where(ne(encryptionKeys.status, 'revoked')).orderBy(desc(encryptionKeys.createdAt)).all();
}

export function insertEncryptionKey(row: typeof encryptionKeys.$inferInsert, db: DbOrTx = getDb()): void {
  db.insert(encryptionKeys).values(row).run();
}
