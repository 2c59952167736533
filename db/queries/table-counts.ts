import 'server-only';
import { count } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import * as schema from '@/db/schema';

const TABLES = {
  users: schema.users,
  products: schema.products,
  plans: schema.plans,
  licenses: schema.licenses,
  seats: schema.seats,
  license_files: schema.licenseFiles,
  used_nonces: schema.usedNonces,
  usage_records: schema.usageRecords,
  audit_events: schema.auditEvents,
  signing_keys: schema.signingKeys,
  encryption_keys: schema.encryptionKeys,
  support_notes: schema.supportNotes,
  instance_settings: schema.instanceSettings,
  seat_counts_daily: schema.seatCountsDaily,
  blocked_devices: schema.blockedDevices,
  seat_fingerprint_history: schema.seatFingerprintHistory,
  revocation_sequence: schema.revocationSequence,
} as const;

/** How many rows each table holds: what "nothing changed" is checked against. */
export async function countRowsOfEveryTable(db: DbOrTx = getDb()): Promise<Record<keyof typeof TABLES, number>> {
  const entries = await Promise.all(
    Object.entries(TABLES).map(async ([name, table]) => {
      const [row] = await db.select({ n: count() }).from(table);
      return [name, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<keyof typeof TABLES, number>;
}
