import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { usedNonces, type UsedNonce } from '@/db/schema';

export function findUsedNonce(jti: string, db: DbOrTx = getDb()): UsedNonce | undefined {
  return db.select().from(usedNonces).where(eq(usedNonces.jti, jti)).get();
}

export function insertUsedNonce(row: UsedNonce, db: DbOrTx = getDb()): void {
  db.insert(usedNonces).values(row).run();
}
