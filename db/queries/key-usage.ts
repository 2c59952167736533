import 'server-only';
import { count, eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { epochSeconds } from '@/db/dialect';
import { licenseFiles } from '@/db/schema';

export interface KeyUsage {
  kid: string;
  signed: number;
  /** Files whose lease plus grace has not ended at `now`: they still work offline. */
  stillValid: number;
}

/** How many license files each signing key signed, and how many of those are still valid. */
export async function listKeyUsage(now: Date, db: DbOrTx = getDb()): Promise<KeyUsage[]> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const rows = await db
    .select({
      kid: licenseFiles.kid,
      signed: count(),
      stillValid: sql<number>`sum(case when ${epochSeconds(licenseFiles.leaseEndsAt)} + ${licenseFiles.graceSeconds} > ${nowSeconds} then 1 else 0 end)`,
    })
    .from(licenseFiles)
    .groupBy(licenseFiles.kid);
  return rows.map((row) => ({ ...row, stillValid: Number(row.stillValid ?? 0) }));
}

export async function countStillValidFilesOfKey(kid: string, now: Date, db: DbOrTx = getDb()): Promise<number> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const [row] = await db
    .select({ n: count() })
    .from(licenseFiles)
    .where(sql`${eq(licenseFiles.kid, kid)} and ${epochSeconds(licenseFiles.leaseEndsAt)} + ${licenseFiles.graceSeconds} > ${nowSeconds}`);
  return row?.n ?? 0;
}
