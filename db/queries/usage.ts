import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { seats, usageRecords, type UsageRecord } from '@/db/schema';

export async function insertUsageRecord(row: UsageRecord, db: DbOrTx = getDb()): Promise<void> {
  await db.insert(usageRecords).values(row);
}

/** A license's newest usage reports, at most `limit`, each with the hostname of its seat. */
export async function listUsageRecordsOfLicense(licenseId: string, limit: number, db: DbOrTx = getDb()): Promise<(UsageRecord & { hostname: string })[]> {
  const rows = await db
    .select({ record: usageRecords, hostname: seats.hostname })
    .from(usageRecords)
    .innerJoin(seats, eq(usageRecords.seatId, seats.id))
    .where(eq(usageRecords.licenseId, licenseId))
    .orderBy(desc(usageRecords.reportedAt))
    .limit(limit);
  return rows.map(({ record, hostname }) => ({ ...record, hostname }));
}
