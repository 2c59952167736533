import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { instanceSettings } from '@/db/schema';

export function findSetting(key: string, db: DbOrTx = getDb()): string | undefined {
  return db.select().from(instanceSettings).where(eq(instanceSettings.key, key)).get()?.value;
}

export function insertSetting(key: string, value: string, db: DbOrTx = getDb()): void {
  db.insert(instanceSettings).values({ key, value }).run();
}
