/**
 * The Gatepass data model on PostgreSQL (DATABASE_URL=postgres://…): the same tables,
 * columns and indexes as db/sqlite-schema.ts, in PostgreSQL's own types (timestamptz,
 * jsonb, boolean). db/schema-parity.test.ts keeps the two in step.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { ACTOR_TYPES, KEY_STATUSES, LICENSE_FILE_KINDS, LICENSE_STATUSES, NONCE_KINDS, SEAT_STATUSES, USER_ROLES, WEBHOOK_DELIVERY_STATUSES } from '@/lib/core/enums';

const createdAt = () =>
  timestamp('created_at', { withTimezone: true })
    .notNull()
    .defaultNow();
const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow();

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull().default(''),
  role: text('role', { enum: USER_ROLES }).notNull(),
  passwordHash: text('password_hash').notNull(),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  /** Sessions opened at or before this instant are over: set by sign-out, disable and password reset. */
  sessionsValidAfter: timestamp('sessions_valid_after', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const products = pgTable('products', {
  id: text('id').primaryKey(),
  /** Stable identifier carried in artifacts; never changes once licenses exist. */
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const plans = pgTable(
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
    features: jsonb('features').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    encryptLicenseFiles: boolean('encrypt_license_files').notNull().default(true),
    /** Whether a seat whose lease and grace have ended may be taken by another machine. */
    reclaimLapsedSeats: boolean('reclaim_lapsed_seats').notNull().default(true),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('plans_product_slug_unique').on(t.productId, t.slug)],
);

export const licenses = pgTable(
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
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdBy: text('created_by'),
    /** Seats with status `active`, kept in the transaction that changes a seat: the seat rule reads it from the locked row. */
    seatsActive: integer('seats_active').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('licenses_plan_idx').on(t.planId, t.createdAt, t.id),
    index('licenses_customer_email_idx').on(t.customerEmail),
    index('licenses_key_prefix_idx').on(t.keyPrefix),
    index('licenses_key_suffix_idx').on(t.keySuffix),
    // Newest first, one page at a time (keyset pagination), with or without a status filter.
    index('licenses_created_idx').on(t.createdAt, t.id),
    index('licenses_status_created_idx').on(t.status, t.createdAt, t.id),
    // The management API's `updated_since`: changes oldest first, one page at a time.
    index('licenses_updated_idx').on(t.updatedAt, t.id),
    // The overview's "expiring soon" list, and the admin list sorted by expiry (keyset on expiry, id).
    index('licenses_expires_idx').on(t.expiresAt, t.id),
    // The admin list sorted by customer (case-insensitive) or by status, a page at a time (keyset on value, id).
    index('licenses_customer_name_idx').on(sql`lower(${t.customerName})`, t.id),
    index('licenses_status_idx').on(t.status, t.id),
  ],
);

export const seats = pgTable(
  'seats',
  {
    id: text('id').primaryKey(),
    licenseId: text('license_id')
      .notNull()
      .references(() => licenses.id),
    fingerprint: text('fingerprint').notNull(),
    devicePublicJwk: jsonb('device_public_jwk').$type<Record<string, unknown>>().notNull(),
    deviceThumbprint: text('device_thumbprint').notNull(),
    hostname: text('hostname').notNull().default(''),
    os: text('os').notNull().default(''),
    appVersion: text('app_version').notNull().default(''),
    status: text('status', { enum: SEAT_STATUSES }).notNull().default('active'),
    activatedAt: timestamp('activated_at', { withTimezone: true }).notNull(),
    lastIssuedAt: timestamp('last_issued_at', { withTimezone: true }).notNull(),
    leaseEndsAt: timestamp('lease_ends_at', { withTimezone: true }).notNull(),
    graceEndsAt: timestamp('grace_ends_at', { withTimezone: true }).notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    releaseReason: text('release_reason'),
    releasedBy: text('released_by'),
  },
  (t) => [
    index('seats_license_status_idx').on(t.licenseId, t.status, t.activatedAt, t.id),
    // The re-bind look-up: the newest live seat of a device key on a license (issue 11), read
    // in index order; without status and activated_at here SQLite walks every live seat of
    // the license through seats_license_status_idx to avoid a sort.
    index('seats_license_device_idx').on(t.licenseId, t.deviceThumbprint, t.status, t.activatedAt),
    // Prefix search compares bytes ("C"), whatever the database's collation: db/dialect.ts startsWith.
    index('seats_fingerprint_idx').on(sql`${t.fingerprint} COLLATE "C"`),
    index('seats_hostname_idx').on(sql`lower(${t.hostname}) COLLATE "C"`),
    // The overview's lapsed-seat count: active seats whose grace has ended.
    index('seats_status_grace_idx').on(t.status, t.graceEndsAt),
    // One live seat per machine per license: the database itself refuses a second.
    uniqueIndex('seats_active_fingerprint_unique')
      .on(t.licenseId, t.fingerprint)
      .where(sql`status = 'active'`),
  ],
);

/** Every license file the portal signed (metadata only; the file itself is not kept). */
export const licenseFiles = pgTable(
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
    encrypted: boolean('encrypted').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    leaseEndsAt: timestamp('lease_ends_at', { withTimezone: true }).notNull(),
    graceSeconds: integer('grace_seconds').notNull(),
    issuedBy: text('issued_by').notNull(),
  },
  (t) => [index('license_files_seat_idx').on(t.seatId), index('license_files_license_idx').on(t.licenseId)],
);

/** Nonces (`jti`) of device artifacts already accepted: a second use is a replay. */
export const usedNonces = pgTable('used_nonces', {
  jti: text('jti').primaryKey(),
  kind: text('kind', { enum: NONCE_KINDS }).notNull(),
  seatId: text('seat_id'),
  usedAt: timestamp('used_at', { withTimezone: true }).notNull(),
});

/** Usage counters a device reported in its deactivation file. */
export const usageRecords = pgTable(
  'usage_records',
  {
    id: text('id').primaryKey(),
    seatId: text('seat_id')
      .notNull()
      .references(() => seats.id),
    licenseId: text('license_id')
      .notNull()
      .references(() => licenses.id),
    counters: jsonb('counters').$type<Record<string, number>>().notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('usage_records_license_idx').on(t.licenseId)],
);

/** Who did what, when, from where (DESIGN.md "Every change ... writes an audit row"). */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorType: text('actor_type', { enum: ACTOR_TYPES }).notNull(),
    actorId: text('actor_id'),
    /** Human-readable actor: an email, or "end user via portal". */
    actorLabel: text('actor_label').notNull(),
    /** Dotted verb, e.g. `seat.activate`, `license.suspend`, `key.rotate`. */
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    licenseId: text('license_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    ip: text('ip').notNull().default(''),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_license_idx').on(t.licenseId),
    index('audit_events_action_idx').on(t.action),
    index('audit_events_actor_idx').on(t.actorLabel),
  ],
);

/** The vendor's Ed25519 license-signing keys. */
export const signingKeys = pgTable('signing_keys', {
  kid: text('kid').primaryKey(),
  publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
  /** The private JWK sealed with the master key. */
  privateJwkEncrypted: text('private_jwk_encrypted').notNull(),
  status: text('status', { enum: KEY_STATUSES }).notNull(),
  createdAt: createdAt(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** The portal's X25519 keys that devices encrypt requests to. */
export const encryptionKeys = pgTable('encryption_keys', {
  kid: text('kid').primaryKey(),
  publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
  privateJwkEncrypted: text('private_jwk_encrypted').notNull(),
  status: text('status', { enum: KEY_STATUSES }).notNull(),
  createdAt: createdAt(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

export const supportNotes = pgTable(
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
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});


/**
 * Seat changes per UTC day, for the overview's chart and totals, written in the same
 * transaction as the change instead of scanning seats. Each change adds to one of a few
 * shards picked at random, so concurrent activations on PostgreSQL do not queue on one row.
 */
export const seatCountsDaily = pgTable(
  'seat_counts_daily',
  {
    /** `YYYY-MM-DD`, UTC. */
    day: text('day').notNull(),
    shard: integer('shard').notNull(),
    activated: integer('activated').notNull().default(0),
    deactivated: integer('deactivated').notNull().default(0),
    /** Released by support or taken over after the lease and grace ended. */
    released: integer('released').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.shard] })],
);

/** Requests per client address per fixed window, shared by every instance on the database. */
export const rateLimitWindows = pgTable(
  'rate_limit_windows',
  {
    key: text('key').notNull(),
    /** Window start, milliseconds since the epoch. */
    windowStart: bigint('window_start', { mode: 'number' }).notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limit_windows_start_idx').on(t.windowStart)],
);

/**
 * Failed staff sign-ins per normalized email and client address, and per email across all
 * addresses (`address` = ''), counted whether or not the email belongs to a user so that
 * the answers do not tell (lib/auth/sign-in-throttle.ts).
 */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    email: text('email').notNull(),
    address: text('address').notNull(),
    failures: integer('failures').notNull().default(0),
    /** Milliseconds since the epoch. */
    lastFailedAt: bigint('last_failed_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.email, t.address] }), index('sign_in_failures_last_failed_idx').on(t.lastFailedAt)],
);

/**
 * Management API tokens (lib/auth/api-tokens.ts). Only the SHA-256 of a token is kept; the
 * token itself is shown once. `scopes` is a space-separated list of API_SCOPES.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token, so an admin can tell tokens apart. */
    tokenPrefix: text('token_prefix').notNull(),
    scopes: text('scopes').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_created_idx').on(t.createdAt)],
);

/**
 * The answer to a management call made with an `Idempotency-Key` header, per token, so a
 * retried call returns the same answer instead of doing the work twice. Kept 24 hours.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tokenId: text('token_id').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

/** Where webhooks go (lib/webhooks): a URL, the events it wants, and its signing secret sealed with the master key. */
export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  description: text('description').notNull().default(''),
  /** Space-separated event types. */
  events: text('events').notNull(),
  secretSealed: text('secret_sealed').notNull(),
  createdBy: text('created_by'),
  createdAt: createdAt(),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
});

/**
 * The outbox: one row per event, written in the transaction of the change it reports, so an
 * event exists exactly when its change committed. `payload` is the exact body sent and signed.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** `msg_…`: the Standard Webhooks `webhook-id`, the same on every attempt. */
    id: text('id').notNull().unique(),
    type: text('type').notNull(),
    licenseId: text('license_id').notNull().default(''),
    payload: text('payload').notNull(),
    createdAt: createdAt(),
  },
);

/**
 * One event to one endpoint. Sent in `seq` order per endpoint and license; claimed by an
 * instance for a lease (`locked_until`, ms) so one delivery is in flight at a time.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    endpointId: text('endpoint_id').notNull(),
    eventSeq: bigint('event_seq', { mode: 'number' }).notNull(),
    licenseId: text('license_id').notNull().default(''),
    /** `pending` (to send, or to retry), `delivered`, `failed` (gave up after the last retry). */
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Milliseconds since the epoch. */
    nextAttemptAt: bigint('next_attempt_at', { mode: 'number' }).notNull(),
    lockedUntil: bigint('locked_until', { mode: 'number' }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    lastAttemptAt: bigint('last_attempt_at', { mode: 'number' }),
    deliveredAt: bigint('delivered_at', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.endpointId, t.eventSeq] }),
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_order_idx').on(t.endpointId, t.licenseId, t.status, t.eventSeq),
  ],
);
/**
 * Devices support blocked for a license (a lost or stolen machine): its device key and
 * fingerprint are refused on that license until unblocked. Rows stay after an unblock, as
 * history; the revocation list carries the rows still blocked.
 */
export const blockedDevices = pgTable(
  'blocked_devices',
  {
    id: text('id').primaryKey(),
    licenseId: text('license_id')
      .notNull()
      .references(() => licenses.id),
    seatId: text('seat_id').references(() => seats.id),
    deviceThumbprint: text('device_thumbprint').notNull(),
    fingerprint: text('fingerprint').notNull(),
    hostname: text('hostname').notNull().default(''),
    reason: text('reason').notNull(),
    blockedAt: timestamp('blocked_at', { withTimezone: true }).notNull(),
    blockedBy: text('blocked_by').notNull(),
    unblockedAt: timestamp('unblocked_at', { withTimezone: true }),
    unblockedBy: text('unblocked_by'),
  },
  (t) => [index('blocked_devices_license_idx').on(t.licenseId, t.unblockedAt)],
);

/** The fingerprints a seat had before a re-bind (new hardware, same installation), newest last. */
export const seatFingerprintHistory = pgTable(
  'seat_fingerprint_history',
  {
    id: text('id').primaryKey(),
    seatId: text('seat_id')
      .notNull()
      .references(() => seats.id),
    oldFingerprint: text('old_fingerprint').notNull(),
    newFingerprint: text('new_fingerprint').notNull(),
    reboundAt: timestamp('rebound_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('seat_fingerprint_history_seat_idx').on(t.seatId, t.reboundAt)],
);

/**
 * The revocation list's sequence number (one row, id 'current'): raised in the transaction of every
 * change to what the list holds (a block, an unblock, a suspension, a reinstatement).
 */
export const revocationSequence = pgTable('revocation_sequence', {
  id: text('id').primaryKey(),
  sequence: integer('sequence').notNull(),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
});
