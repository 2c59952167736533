import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { usageRecords, type UsageRecord } from '@/db/schema';

export function insertUsageRecord(row: UsageRecord, db: DbOrTx = getDb()): void {
  db.insert(usageRecords).values(row).run();
}

export function listUsageRecordsOfLicense(licenseId: string, db: DbOrTx = getDb()): UsageRecord[] {
  return db.select().from(usageRecords).where(eq(usageRecords.licenseId, licenseId)).orderBy(desc(usageRecords.reportedAt)).all();
}
