/**
 * The Gatepass data model on SQLite (the embedded default). Plural tables, snake_case
 * columns. Times are integer seconds since the epoch, read as `Date`. db/pg-schema.ts is
 * the same model on PostgreSQL; db/schema-parity.test.ts keeps the two in step.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ACTOR_TYPES, KEY_STATUSES, LICENSE_FILE_KINDS, LICENSE_STATUSES, NONCE_KINDS, SEAT_STATUSES, USER_ROLES, WEBHOOK_DELIVERY_STATUSES } from '@/lib/core/enums';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp' })
    .notNull()
    .default(sql`(unixepoch())`);
const updatedAt = () =>
  integer('updated_at', { mode: 'timestamp' })
    .notNull()
    .default(sql`(unixepoch())`);

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
    index('seats_license_status_idx').on(t.licenseId, t.status, t.activatedAt, t.id),
    // The re-bind look-up: the newest live seat of a device key on a license (issue 11), read
    // in index order; without status and activated_at here SQLite walks every live seat of
    // the license through seats_license_status_idx to avoid a sort.
    index('seats_license_device_idx').on(t.licenseId, t.deviceThumbprint, t.status, t.activatedAt),
    index('seats_fingerprint_idx').on(t.fingerprint),
    index('seats_hostname_idx').on(sql`lower(${t.hostname})`),
    // The overview's lapsed-seat count: active seats whose grace has ended.
    index('seats_status_grace_idx').on(t.status, t.graceEndsAt),
    // One live seat per machine per license: the database itself refuses a second.
    uniqueIndex('seats_active_fingerprint_unique')
      .on(t.licenseId, t.fingerprint)
      .where(sql`status = 'active'`),
  ],
);

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
  kind: text('kind', { enum: NONCE_KINDS }).notNull(),
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


/**
 * Seat changes per UTC day, for the overview's chart and totals, written in the same
 * transaction as the change instead of scanning seats. Each change adds to one of a few
 * shards picked at random, so concurrent activations on PostgreSQL do not queue on one row.
 */
export const seatCountsDaily = sqliteTable(
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
export const rateLimitWindows = sqliteTable(
  'rate_limit_windows',
  {
    key: text('key').notNull(),
    /** Window start, milliseconds since the epoch. */
    windowStart: integer('window_start').notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limit_windows_start_idx').on(t.windowStart)],
);

/**
 * Failed staff sign-ins per normalized email and client address, and per email across all
 * addresses (`address` = ''), counted whether or not the email belongs to a user so that
 * the answers do not tell (lib/auth/sign-in-throttle.ts).
 */
export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    email: text('email').notNull(),
    address: text('address').notNull(),
    failures: integer('failures').notNull().default(0),
    /** Milliseconds since the epoch. */
    lastFailedAt: integer('last_failed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.email, t.address] }), index('sign_in_failures_last_failed_idx').on(t.lastFailedAt)],
);

/**
 * Management API tokens (lib/auth/api-tokens.ts). Only the SHA-256 of a token is kept; the
 * token itself is shown once. `scopes` is a space-separated list of API_SCOPES.
 */
export const apiTokens = sqliteTable(
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
    expiresAt: integer('expires_at', { mode: 'timestamp' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp' }),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp' }),
  },
  (t) => [index('api_tokens_created_idx').on(t.createdAt)],
);

/**
 * The answer to a management call made with an `Idempotency-Key` header, per token, so a
 * retried call returns the same answer instead of doing the work twice. Kept 24 hours.
 */
export const idempotencyKeys = sqliteTable(
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
export const webhookEndpoints = sqliteTable('webhook_endpoints', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  description: text('description').notNull().default(''),
  /** Space-separated event types. */
  events: text('events').notNull(),
  secretSealed: text('secret_sealed').notNull(),
  createdBy: text('created_by'),
  createdAt: createdAt(),
  disabledAt: integer('disabled_at', { mode: 'timestamp' }),
});

/**
 * The outbox: one row per event, written in the transaction of the change it reports, so an
 * event exists exactly when its change committed. `payload` is the exact body sent and signed.
 */
export const webhookEvents = sqliteTable(
  'webhook_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
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
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    endpointId: text('endpoint_id').notNull(),
    eventSeq: integer('event_seq').notNull(),
    licenseId: text('license_id').notNull().default(''),
    /** `pending` (to send, or to retry), `delivered`, `failed` (gave up after the last retry). */
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Milliseconds since the epoch. */
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lockedUntil: integer('locked_until'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    lastAttemptAt: integer('last_attempt_at'),
    deliveredAt: integer('delivered_at'),
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
export const blockedDevices = sqliteTable(
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
    blockedAt: integer('blocked_at', { mode: 'timestamp' }).notNull(),
    blockedBy: text('blocked_by').notNull(),
    unblockedAt: integer('unblocked_at', { mode: 'timestamp' }),
    unblockedBy: text('unblocked_by'),
  },
  (t) => [index('blocked_devices_license_idx').on(t.licenseId, t.unblockedAt)],
);

/** The fingerprints a seat had before a re-bind (new hardware, same installation), newest last. */
export const seatFingerprintHistory = sqliteTable(
  'seat_fingerprint_history',
  {
    id: text('id').primaryKey(),
    seatId: text('seat_id')
      .notNull()
      .references(() => seats.id),
    oldFingerprint: text('old_fingerprint').notNull(),
    newFingerprint: text('new_fingerprint').notNull(),
    reboundAt: integer('rebound_at', { mode: 'timestamp' }).notNull(),
  },
  (t) => [index('seat_fingerprint_history_seat_idx').on(t.seatId, t.reboundAt)],
);

/**
 * The revocation list's sequence number (one row, id 'current'): raised in the transaction of every
 * change to what the list holds (a block, an unblock, a suspension, a reinstatement).
 */
export const revocationSequence = sqliteTable('revocation_sequence', {
  id: text('id').primaryKey(),
  sequence: integer('sequence').notNull(),
  changedAt: integer('changed_at', { mode: 'timestamp' }).notNull(),
});
