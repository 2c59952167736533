import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { instanceSettings } from '@/db/schema';

export async function findSetting(key: string, db: DbOrTx = getDb()): Promise<string | undefined> {
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, key));
  return row?.value;
}

export async function insertSetting(key: string, value: string, db: DbOrTx = getDb()): Promise<void> {
  await db.insert(instanceSettings).values({ key, value });
}
