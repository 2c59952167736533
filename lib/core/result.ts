import { z } from 'zod';

/**
 * The one table of expected failures (STYLE.md rule 2): every code has the HTTP
 * status the API answers with. Messages are written where the failure is found,
 * because they carry its figures ("all 2 seats"), and shown as-is by the portal,
 * the API and the CLI, so no surface words the same error twice.
 */
const LICENSING_ERROR_STATUS = {
  // Input
  ERR_VALIDATION: 400,
  ERR_ARTIFACT_MALFORMED: 400,
  ERR_ARTIFACT_KIND: 400,
  ERR_ARTIFACT_TOO_LARGE: 413,
  ERR_UNSUPPORTED_MEDIA_TYPE: 415,
  ERR_SIGNATURE_INVALID: 400,
  ERR_UNKNOWN_KEY: 400,
  ERR_DECRYPT_FAILED: 400,
  ERR_CLAIMS_INVALID: 400,
  ERR_DEVICE_METADATA_UNSAFE: 400,
  ERR_WRONG_DEVICE: 400,
  ERR_REQUEST_EXPIRED: 400,
  ERR_REQUEST_FROM_FUTURE: 400,
  ERR_CODE_MISTYPED: 400,
  ERR_REQUEST_REPLAYED: 409,
  ERR_WRONG_PRODUCT: 422,
  // Licenses and seats
  ERR_LICENSE_NOT_FOUND: 404,
  ERR_LICENSE_SUSPENDED: 403,
  ERR_LICENSE_EXPIRED: 403,
  ERR_SEATS_EXHAUSTED: 409,
  ERR_SEAT_NOT_FOUND: 404,
  ERR_SEAT_NOT_REFRESHABLE: 409,
  ERR_SEAT_ALREADY_FREE: 409,
  ERR_DEVICE_MISMATCH: 403,
  ERR_DEVICE_BLOCKED: 403,
  ERR_DEVICE_NOT_BLOCKED: 409,
  // Catalog and staff
  ERR_NOT_FOUND: 404,
  ERR_CONFLICT: 409,
  ERR_FORBIDDEN: 403,
  ERR_UNAUTHENTICATED: 401,
  ERR_SCOPE_MISSING: 403,
  ERR_BODY_TOO_LARGE: 413,
  ERR_IDEMPOTENCY_KEY_REUSED: 422,
  ERR_RATE_LIMITED: 429,
  // A bug on our side: logged, and answered with a generic sentence, never a stack trace.
  ERR_INTERNAL: 500,
} as const;

export type LicensingErrorCode = keyof typeof LICENSING_ERROR_STATUS;

/** An expected failure, as every domain function returns it. */
export interface Failure<C extends LicensingErrorCode = LicensingErrorCode> {
  ok: false;
  code: C;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

export type Result<T extends object, C extends LicensingErrorCode = LicensingErrorCode> = ({ ok: true } & T) | Failure<C>;

export function fail<C extends LicensingErrorCode>(code: C, message: string, fieldErrors?: Record<string, string[]>): Failure<C> {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

export function httpStatusOf(code: LicensingErrorCode): number {
  return LICENSING_ERROR_STATUS[code];
}

/** A zod error as the `fieldErrors` of a Failure: field name → messages. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  return z.flattenError(error).fieldErrors as Record<string, string[]>;
}
