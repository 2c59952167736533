/**
 * The closed vocabularies every layer shares. `db/schema` builds its columns from these,
 * and the domain, pages and tests import them from here, never from `db/`.
 */
export const USER_ROLES = ['admin', 'support'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const LICENSE_STATUSES = ['active', 'suspended'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

export const SEAT_STATUSES = ['active', 'released', 'deactivated'] as const;

export const LICENSE_FILE_KINDS = ['activation', 'refresh', 'reissue'] as const;
export type LicenseFileKind = (typeof LICENSE_FILE_KINDS)[number];

export const NONCE_KINDS = ['request', 'deactivation'] as const;

/** `api_token`: a vendor's backend calling the management API with a token (label: the token's name). */
export const ACTOR_TYPES = ['user', 'end_user', 'system', 'api_token'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/**
 * `active` signs new files; `retired` no longer signs but stays in the JWKS so files it
 * signed keep verifying; `revoked` is withdrawn from the JWKS.
 */
export const KEY_STATUSES = ['active', 'retired', 'revoked'] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

/** What a management API token may do (docs/API.md "Management API"). */
export const API_SCOPES = ['products:read', 'products:write', 'licenses:read', 'licenses:write', 'seats:write', 'webhooks:write', 'audit:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** What a webhook can report (docs/API.md "Webhooks"). */
export const WEBHOOK_EVENT_TYPES = [
  'license.created',
  'license.updated',
  'license.suspended',
  'license.reinstated',
  'seat.activated',
  'seat.refreshed',
  'seat.deactivated',
  'seat.released',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
