/**
 * The Gatepass data model. Plural tables, snake_case columns, singular row types.
 * Times are stored as integer seconds since the epoch and read as `Date`.
 * Dialect-specific code stays in db/ (DESIGN.md "Architecture").
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp' })
    .notNull()
    .default(sql`(unixepoch())`);
const updatedAt = () =>
  integer('updated_at', { mode: 'timestamp' })
    .notNull()
    .default(sql`(unixepoch())`);

export const USER_ROLES = ['admin', 'support'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull().default(''),
  role: text('role', { enum: USER_ROLES }).notNull(),
  passwordHash: text('password_hash').notNull(),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: integer('locked_until', { mode: 'timestamp' }),
  disabledAt: integer('disabled_at', { mode: 'timestamp' }),
  lastLoginAt: integer('last_login_at', { mode: 'timestamp' }),
  /** Sessions opened at or before this instant are over: set by sign-out, disable and password reset. */
  sessionsValidAfter: integer('sessions_valid_after', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const products = sqliteTable('products', {
  id: text('id').primaryKey(),
  /** Stable identifier carried in artifacts; never changes once licenses exist. */
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const plans = sqliteTable(
  'plans',
  {
    id: text('id').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    offlineTtlSeconds: integer('offline_ttl_seconds').notNull(),
    graceSeconds: integer('grace_seconds').notNull(),
    seatLimit: integer('seat_limit').notNull(),
    /** Cap on a request's `requested_duration`; null means the offline TTL is the cap. */
    maxRequestedDurationSeconds: integer('max_requested_duration_seconds'),
    features: text('features', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    encryptLicenseFiles: integer('encrypt_license_files', { mode: 'boolean' }).notNull().default(true),
    /** Whether a seat whose lease and grace have ended may be taken by another machine. */
    reclaimLapsedSeats: integer('reclaim_lapsed_seats', { mode: 'boolean' }).notNull().default(true),
    archivedAt: integer('archived_at', { mode: 'timestamp' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('plans_product_slug_unique').on(t.productId, t.slug)],
);

export const LICENSE_STATUSES = ['active', 'suspended'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

export const licenses = sqliteTable(
  'licenses',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    /** SHA-256 of the normalized key, for look-up (DESIGN.md "Secrets at rest"). */
    keyHash: text('key_hash').notNull().unique(),
    /** The key sealed with the master key, so admins and support can read it back. */
    keyEncrypted: text('key_encrypted').notNull(),
    /** First and last groups of the key, for partial search by what a customer reads out. */
    keyPrefix: text('key_prefix').notNull(),
    keySuffix: text('key_suffix').notNull(),
    customerName: text('customer_name').notNull().default(''),
    customerEmail: text('customer_email').notNull().default(''),
    status: text('status', { enum: LICENSE_STATUSES }).notNull().default('active'),
    suspendedReason: text('suspended_reason'),
    expiresAt: integer('expires_at', { mode: 'timestamp' }),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('licenses_plan_idx').on(t.planId),
    index('licenses_customer_email_idx').on(t.customerEmail),
    index('licenses_key_suffix_idx').on(t.keySuffix),
  ],
);

export const SEAT_STATUSES = ['active', 'released', 'deactivated'] as const;
export type SeatStatus = (typeof SEAT_STATUSES)[number];

export const seats = sqliteTable(
  'seats',
  {
    id: text('id').primaryKey(),
    licenseId: text('license_id')
      .notNull()
      .references(() => licenses.id),
    fingerprint: text('fingerprint').notNull(),
    devicePublicJwk: text('device_public_jwk', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    deviceThumbprint: text('device_thumbprint').notNull(),
    hostname: text('hostname').notNull().default(''),
    os: text('os').notNull().default(''),
    appVersion: text('app_version').notNull().default(''),
    status: text('status', { enum: SEAT_STATUSES }).notNull().default('active'),
    activatedAt: integer('activated_at', { mode: 'timestamp' }).notNull(),
    lastIssuedAt: integer('last_issued_at', { mode: 'timestamp' }).notNull(),
    leaseEndsAt: integer('lease_ends_at', { mode: 'timestamp' }).notNull(),
    graceEndsAt: integer('grace_ends_at', { mode: 'timestamp' }).notNull(),
    releasedAt: integer('released_at', { mode: 'timestamp' }),
    releaseReason: text('release_reason'),
    releasedBy: text('released_by'),
  },
  (t) => [
    index('seats_license_status_idx').on(t.licenseId, t.status),
    index('seats_fingerprint_idx').on(t.fingerprint),
    // One live seat per machine per license: the database itself refuses a second.
    uniqueIndex('seats_active_fingerprint_unique')
      .on(t.licenseId, t.fingerprint)
      .where(sql`status = 'active'`),
  ],
);

export const LICENSE_FILE_KINDS = ['activation', 'refresh', 'reissue'] as const;
export type LicenseFileKind = (typeof LICENSE_FILE_KINDS)[number];

/** Every license file the portal signed (metadata only; the file itself is not kept). */
export const licenseFiles = sqliteTable(
  'license_files',
  {
    /** The file's `jti`. */
    id: text('id').primaryKey(),
    seatId: text('seat_id')
      .notNull()
      .references(() => seats.id),
    licenseId: text('license_id')
      .notNull()
      .references(() => licenses.id),
    kind: text('kind', { enum: LICENSE_FILE_KINDS }).notNull(),
    kid: text('kid').notNull(),
    encrypted: integer('encrypted', { mode: 'boolean' }).notNull(),
    issuedAt: integer('issued_at', { mode: 'timestamp' }).notNull(),
    leaseEndsAt: integer('lease_ends_at', { mode: 'timestamp' }).notNull(),
    graceSeconds: integer('grace_seconds').notNull(),
    issuedBy: text('issued_by').notNull(),
  },
  (t) => [index('license_files_seat_idx').on(t.seatId), index('license_files_license_idx').on(t.licenseId)],
);

/** Nonces (`jti`) of device artifacts already accepted: a second use is a replay. */
export const usedNonces = sqliteTable('used_nonces', {
  jti: text('jti').primaryKey(),
  kind: text('kind', { enum: ['request', 'deactivation'] }).notNull(),
  seatId: text('seat_id'),
  usedAt: integer('used_at', { mode: 'timestamp' }).notNull(),
});

/** Usage counters a device reported in its deactivation file. */
export const usageRecords = sqliteTable(
  'usage_records',
  {
    id: text('id').primaryKey(),
    seatId: text('seat_id')
      .notNull()
      .references(() => seats.id),
    licenseId: text('license_id')
      .notNull()
      .references(() => licenses.id),
    counters: text('counters', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    reportedAt: integer('reported_at', { mode: 'timestamp' }).notNull(),
  },
  (t) => [index('usage_records_license_idx').on(t.licenseId)],
);

export const ACTOR_TYPES = ['user', 'end_user', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Who did what, when, from where (DESIGN.md "Every change ... writes an audit row"). */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp' }).notNull(),
    actorType: text('actor_type', { enum: ACTOR_TYPES }).notNull(),
    actorId: text('actor_id'),
    /** Human-readable actor: an email, or "end user via portal". */
    actorLabel: text('actor_label').notNull(),
    /** Dotted verb, e.g. `seat.activate`, `license.suspend`, `key.rotate`. */
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    licenseId: text('license_id'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    ip: text('ip').notNull().default(''),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_license_idx').on(t.licenseId),
    index('audit_events_action_idx').on(t.action),
    index('audit_events_actor_idx').on(t.actorLabel),
  ],
);

export const KEY_STATUSES = ['active', 'retired', 'revoked'] as const;
/**
 * `active` signs new files; `retired` no longer signs but stays in the JWKS so files it
 * signed keep verifying; `revoked` is withdrawn from the JWKS.
 */
export type KeyStatus = (typeof KEY_STATUSES)[number];

/** The vendor's Ed25519 license-signing keys. */
export const signingKeys = sqliteTable('signing_keys', {
  kid: text('kid').primaryKey(),
  publicJwk: text('public_jwk', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  /** The private JWK sealed with the master key. */
  privateJwkEncrypted: text('private_jwk_encrypted').notNull(),
  status: text('status', { enum: KEY_STATUSES }).notNull(),
  createdAt: createdAt(),
  retiredAt: integer('retired_at', { mode: 'timestamp' }),
  revokedAt: integer('revoked_at', { mode: 'timestamp' }),
});

/** The portal's X25519 keys that devices encrypt requests to. */
export const encryptionKeys = sqliteTable('encryption_keys', {
  kid: text('kid').primaryKey(),
  publicJwk: text('public_jwk', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  privateJwkEncrypted: text('private_jwk_encrypted').notNull(),
  status: text('status', { enum: KEY_STATUSES }).notNull(),
  createdAt: createdAt(),
  retiredAt: integer('retired_at', { mode: 'timestamp' }),
  revokedAt: integer('revoked_at', { mode: 'timestamp' }),
});

export const supportNotes = sqliteTable(
  'support_notes',
  {
    id: text('id').primaryKey(),
    licenseId: text('license_id')
      .notNull()
      .references(() => licenses.id),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('support_notes_license_idx').on(t.licenseId)],
);

/** Instance facts: a check value proving the master key matches this database. */
export const instanceSettings = sqliteTable('instance_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;
export type Plan = typeof plans.$inferSelect;
export type NewPlan = typeof plans.$inferInsert;
export type License = typeof licenses.$inferSelect;
export type NewLicense = typeof licenses.$inferInsert;
export type Seat = typeof seats.$inferSelect;
export type NewSeat = typeof seats.$inferInsert;
export type LicenseFile = typeof licenseFiles.$inferSelect;
export type NewLicenseFile = typeof licenseFiles.$inferInsert;
export type UsedNonce = typeof usedNonces.$inferSelect;
export type UsageRecord = typeof usageRecords.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
export type SigningKey = typeof signingKeys.$inferSelect;
export type EncryptionKey = typeof encryptionKeys.$inferSelect;
export type SupportNote = typeof supportNotes.$inferSelect;
