/**
 * The tables every query in db/ is written against, for the engine this process uses:
 * PostgreSQL when DATABASE_URL is a postgres:// URL, else embedded SQLite.
 *
 * Both schemas (db/sqlite-schema.ts, db/pg-schema.ts) have the same tables, columns and
 * TypeScript row types, and drizzle's query builders have the same shape on both, so the
 * queries are typed once, against the PostgreSQL flavour, and run on either. What really
 * differs between the engines (locks, text search, upserts' details) is in db/dialect.ts.
 */
import { dialect } from '@/db/dialect';
import * as pg from '@/db/pg-schema';
import * as sqlite from '@/db/sqlite-schema';

type Tables = typeof pg;
const tables: Tables = dialect === 'pg' ? pg : (sqlite as unknown as Tables);

export const {
  users,
  products,
  plans,
  licenses,
  seats,
  licenseFiles,
  usedNonces,
  usageRecords,
  auditEvents,
  signingKeys,
  encryptionKeys,
  supportNotes,
  instanceSettings,
  seatCountsDaily,
  rateLimitWindows,
  signInFailures,
  apiTokens,
  idempotencyKeys,
  webhookEndpoints,
  webhookEvents,
  webhookDeliveries,
  blockedDevices,
  seatFingerprintHistory,
  revocationSequence,
} = tables;

export type User = typeof pg.users.$inferSelect;
export type NewUser = typeof pg.users.$inferInsert;
export type Product = typeof pg.products.$inferSelect;
export type NewProduct = typeof pg.products.$inferInsert;
export type Plan = typeof pg.plans.$inferSelect;
export type NewPlan = typeof pg.plans.$inferInsert;
export type License = typeof pg.licenses.$inferSelect;
export type NewLicense = typeof pg.licenses.$inferInsert;
export type Seat = typeof pg.seats.$inferSelect;
export type NewSeat = typeof pg.seats.$inferInsert;
export type LicenseFile = typeof pg.licenseFiles.$inferSelect;
export type NewLicenseFile = typeof pg.licenseFiles.$inferInsert;
export type UsedNonce = typeof pg.usedNonces.$inferSelect;
export type UsageRecord = typeof pg.usageRecords.$inferSelect;
export type AuditEvent = typeof pg.auditEvents.$inferSelect;
export type NewAuditEvent = typeof pg.auditEvents.$inferInsert;
export type SigningKey = typeof pg.signingKeys.$inferSelect;
export type EncryptionKey = typeof pg.encryptionKeys.$inferSelect;
export type SupportNote = typeof pg.supportNotes.$inferSelect;
export type ApiToken = typeof pg.apiTokens.$inferSelect;
export type WebhookEndpoint = typeof pg.webhookEndpoints.$inferSelect;
export type BlockedDevice = typeof pg.blockedDevices.$inferSelect;
