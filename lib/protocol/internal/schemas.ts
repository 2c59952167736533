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
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

/** Seconds since the epoch (RFC 7519 §2 NumericDate), as an integer. */
const numericDate = z.number().int().nonnegative().max(253_402_300_799); // ≤ 9999-12-31

/** Product and plan slugs as the portal makes them. */
const slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'must be a slug');

/** RFC 7638 SHA-256 thumbprint, base64url: 32 bytes → 43 characters. */
const thumbprint = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be an RFC 7638 SHA-256 thumbprint');

const id = text(1, 128);
const fingerprint = text(1, 256); // DESIGN.md "Fixed details": at most 256 characters

export const deviceMetadataSchema = z.object({
  hostname: text(0, 255).optional(),
  os: text(0, 255).optional(),
  app_version: text(0, 100).optional(),
});

export const activationRequestClaimsSchema = z.object({
  license_key: text(1, 256),
  fingerprint,
  product: slug,
  jti: id,
  iat: numericDate,
  requested_duration: z.number().int().positive().max(100 * 365 * 86_400).optional(),
  device: deviceMetadataSchema.optional(),
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
