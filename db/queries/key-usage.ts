import 'server-only';
import { count, eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { licenseFiles } from '@/db/schema';

export interface KeyUsage {
  kid: string;
  signed: number;
  /** Files whose lease plus grace has not ended at `now`: they still work offline. */
  stillValid: number;
}

/** How many license files each signing key signed, and how many of those are still valid. */
export function listKeyUsage(now: Date, db: DbOrTx = getDb()): KeyUsage[] {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  return db
    .select({
      kid: licenseFiles.kid,
      signed: count(),
      stillValid: sql<number>`sum(case when ${licenseFiles.leaseEndsAt} + ${licenseFiles.graceSeconds} > ${nowSeconds} then 1 else 0 end)`,
    })
    .from(licenseFiles)
    .groupBy(licenseFiles.kid)
    .all()
    .map((row) => ({ ...row, stillValid: Number(row.stillValid ?? 0) }));
}

export function countStillValidFilesOfKey(kid: string, now: Date, db: DbOrTx = getDb()): number {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  return (
    db
      .select({ n: count() })
      .from(licenseFiles)
      .where(sql`${eq(licenseFiles.kid, kid)} and ${licenseFiles.leaseEndsAt} + ${licenseFiles.graceSeconds} > ${nowSeconds}`)
      .get()?.n ?? 0
  );
}
