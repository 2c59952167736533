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
} as const;

/** How many rows each table holds: what "nothing changed" is checked against. */
export function countRowsOfEveryTable(db: DbOrTx = getDb()): Record<keyof typeof TABLES, number> {
  const entries = Object.entries(TABLES).map(([name, table]) => [name, db.select({ n: count() }).from(table).get()?.n ?? 0]);
  return Object.fromEntries(entries) as Record<keyof typeof TABLES, number>;
}
