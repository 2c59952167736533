import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { usageRecords, type UsageRecord } from '@/db/schema';

export async function insertUsageRecord(row: UsageRecord, db: DbOrTx = getDb()): Promise<void> {
  await db.insert(usageRecords).values(row);
}

export async function listUsageRecordsOfLicense(licenseId: string, db: DbOrTx = getDb()): Promise<UsageRecord[]> {
  return db.select().from(usageRecords).where(eq(usageRecords.licenseId, licenseId)).orderBy(desc(usageRecords.reportedAt));
}
