/**
 * zod schemas for every claims set and for the keys found inside artifacts.
 * Limits are documented in docs/PROTOCOL.md "Claims".
 */
import { z } from 'zod';
import type {
  ActivationRequestClaims,
  DeactivationClaims,
  LicenseClaims,
} from '../types';

/** Text without control characters: values end up in logs, tables and headers. */
const text = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
     
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

/** Seconds since the epoch (RFC 7519 §2 NumericDate), as an integer. */
const numericDate = z.number().int().nonnegative().max(253_402_300_799); // ≤ 9999-12-31

/** Product and plan slugs as the portal makes them. */
const slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'must be a slug');

/** RFC 7638 SHA-256 thumbprint, base64url: 32 bytes → 43 characters. */
const thumbprint = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be an RFC 7638 SHA-256 thumbprint');

/**
 * Bidirectional controls (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069) reorder what
 * a support agent reads (`exe.tab` shown as `bat.exe`); zero-width and other invisible
 * characters hide what is there. Neither belongs in a machine's name (Unicode TR #36 §2.4).
 */
 
const INVISIBLE_OR_BIDI = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/;
export const UNSAFE_DEVICE_TEXT = 'must not contain invisible or text-direction characters';

/** Device metadata is shown to people: printable, and shown as it is stored. */
const deviceText = (max: number) => text(0, max).refine((value) => !INVISIBLE_OR_BIDI.test(value), UNSAFE_DEVICE_TEXT);

const id = text(1, 128);
const fingerprint = text(1, 256); // DESIGN.md "Fixed details": at most 256 characters

const deviceMetadataSchema = z.object({
  hostname: deviceText(255).optional(),
  os: deviceText(255).optional(),
  app_version: deviceText(100).optional(),
});

export const activationRequestClaimsSchema = z.object({
  license_key: text(1, 256),
  fingerprint,
  product: slug,
  jti: id,
  iat: numericDate,
  requested_duration: z.number().int().positive().max(100 * 365 * 86_400).optional(),
  device: deviceMetadataSchema.optional(),
  seat_id: id.optional(),
}) satisfies z.ZodType<ActivationRequestClaims>;

export const licenseClaimsSchema = z
  .object({
    license_id: id,
    seat_id: id,
    product: slug,
    plan: slug,
    fingerprint,
    device_thumbprint: thumbprint,
    features: z.array(text(1, 100)).max(256),
    iat: numericDate,
    nbf: numericDate,
    exp: numericDate,
    grace: z.number().int().nonnegative().max(10 * 365 * 86_400),
    jti: id,
  })
  .refine((c) => c.nbf <= c.exp, { message: 'nbf must not be after exp', path: ['nbf'] }) satisfies z.ZodType<LicenseClaims>;

export const deactivationClaimsSchema = z.object({
  seat_id: id,
  fingerprint,
  jti: id,
  iat: numericDate,
  usage: z
    .record(text(1, 100), z.number().finite())
    .refine((u) => Object.keys(u).length <= 256, { message: 'at most 256 counters' })
    .optional(),
}) satisfies z.ZodType<DeactivationClaims>;

/** An Ed25519 public JWK (RFC 8037 §2) with no private member. */
export const ed25519PublicJwkSchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  d: z.undefined().optional(), // a public key: no private member
});

/** An X25519 public JWK with its `kid` (the portal's encryption key). */
export const x25519PublicJwkSchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('X25519'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  kid: z.string().min(1),
  d: z.undefined().optional(), // a public key: no private member
});

/** Human-readable zod issues ("fingerprint: Too big …") for logs and ProtocolError.issues. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}
