import { createHash, randomBytes } from 'node:crypto';
import { CompactSign, compactVerify, importJWK, type JSONWebKeySet } from 'jose';
import { z } from 'zod';
import { armor, dearmor } from './armor';
import { ProtocolError } from './errors';
import { assertClaims, parseClaims, readProtectedHeader } from './internal/headers';
import { importPrivateOkpKey } from './internal/imported-keys';
import { toProtocolError } from './internal/jose-errors';
import { ed25519PublicJwkSchema } from './internal/schemas';
import type { KeyPairJwk, LicenseClaims } from './types';

/** Bytes kept of each entry's salted SHA-256: 64 bits, so 10,000 entries stay near 140 kB. */
export const REVOCATION_HASH_BYTES = 8;
const HASH_NAME = 'sha256-64';

/**
 * The claims of a revocation list (docs/PROTOCOL.md "Revocation list"). `entries` is the
 * base64url of the sorted, concatenated 8-byte hashes SHA-256(salt ‖ entry) of
 * `license:<license_id>` (a suspended license) and `device:<license_id>:<device_thumbprint>`
 * (a blocked device), so the list names no customer, license or machine.
 */
export interface RevocationListClaims {
  /** Monotonic sequence number: raised by every change of what the list holds. */
  seq: number;
  /** When the portal signed it, seconds since the epoch. */
  iat: number;
  /** The product the list is for; absent for the list of every product. */
  product?: string;
  /** base64url of 16 random bytes, new for every list. */
  salt: string;
  hash: typeof HASH_NAME;
  entries: string;
}

const base64url = z.string().regex(/^[A-Za-z0-9_-]*$/);
const claimsSchema = z.object({
  seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  iat: z.number().int().nonnegative().max(253_402_300_799),
  product: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/).optional(),
  salt: base64url.min(22).max(64),
  hash: z.literal(HASH_NAME),
  entries: base64url.refine((value) => (value.length * 6) % (REVOCATION_HASH_BYTES * 8) < 6, 'must hold whole 8-byte hashes'),
}) satisfies z.ZodType<RevocationListClaims>;

/** What a list revokes, as the portal knows it (ids and thumbprints, before hashing). */
export interface RevokedItems {
  licenseIds: string[];
  devices: { licenseId: string; deviceThumbprint: string }[];
}

/** The entry strings that are hashed (docs/PROTOCOL.md "Revocation list"). */
export const revocationEntry = {
  license: (licenseId: string) => `license:${licenseId}`,
  device: (licenseId: string, deviceThumbprint: string) => `device:${licenseId}:${deviceThumbprint}`,
};

function entryHash(salt: Buffer, entry: string): Buffer {
  return createHash('sha256').update(salt).update(entry, 'utf8').digest().subarray(0, REVOCATION_HASH_BYTES);
}

export interface SignRevocationListOptions {
  seq: number;
  issuedAt: Date;
  product?: string;
  items: RevokedItems;
  signingKey: Pick<KeyPairJwk, 'kid' | 'privateJwk'>;
  /** Fixed salt for test vectors; default 16 random bytes. */
  salt?: Uint8Array;
}

/**
 * Signs an armored revocation list: compact JWS `EdDSA` by the vendor key with header
 * `{ alg, kid, typ: 'gatepass-revocations' }` (RFC 8725 §3.11: its own type, so it can never
 * pass for a license file).
 *
 * @example
 * const text = await signRevocationList({ seq: 7, issuedAt: new Date(), items, signingKey });
 * // "-----BEGIN GATEPASS REVOCATION LIST-----\n…"
 */
export async function signRevocationList(options: SignRevocationListOptions): Promise<string> {
  const salt = Buffer.from(options.salt ?? randomBytes(16));
  const entries = [
    ...options.items.licenseIds.map((id) => revocationEntry.license(id)),
    ...options.items.devices.map((d) => revocationEntry.device(d.licenseId, d.deviceThumbprint)),
  ];
  // Sorted, so the order says nothing about when an entry was added.
  const hashes = entries.map((entry) => entryHash(salt, entry)).sort(Buffer.compare);
  const claims = assertClaims(
    claimsSchema,
    {
      seq: options.seq,
      iat: Math.floor(options.issuedAt.getTime() / 1000),
      ...(options.product ? { product: options.product } : {}),
      salt: salt.toString('base64url'),
      hash: HASH_NAME,
      entries: Buffer.concat(hashes).toString('base64url'),
    },
    'revocations',
  );
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'EdDSA', kid: options.signingKey.kid, typ: 'gatepass-revocations' })
    .sign(await importPrivateOkpKey(options.signingKey.privateJwk, 'EdDSA'));
  return armor('revocations', jws);
}

/** A verified revocation list, with the look-up an SDK needs. */
export interface VerifiedRevocationList {
  claims: RevocationListClaims;
  kid: string;
  /** How many hashes the list holds. */
  size: number;
  /** What the list names of this license file: its license, its device, or nothing. */
  revokes(license: Pick<LicenseClaims, 'license_id' | 'device_thumbprint'>): 'license' | 'device' | null;
}

/**
 * Verifies an armored revocation list (alone, or inside a license file that carries one)
 * against the vendor keys embedded in the application, EdDSA only.
 *
 * @throws {ProtocolError} ERR_ARTIFACT_TOO_LARGE, ERR_ARTIFACT_MALFORMED, ERR_ARTIFACT_KIND, ERR_UNKNOWN_KEY,
 *   ERR_SIGNATURE_INVALID, ERR_CLAIMS_INVALID, ERR_WRONG_PRODUCT
 * @example
 * const list = await verifyRevocationList(text, { jwks: EMBEDDED_JWKS, product: 'photo-pro' });
 * list.revokes(claims); // 'device' | 'license' | null
 */
export async function verifyRevocationList(text: string | Uint8Array, options: { jwks: JSONWebKeySet; product?: string }): Promise<VerifiedRevocationList> {
  const compact = dearmor(text, 'revocations');
  const header = readProtectedHeader(compact, 'revocations');
  if (header.alg !== 'EdDSA') throw new ProtocolError('ERR_SIGNATURE_INVALID', { kind: 'revocations' });
  if (typeof header.kid !== 'string') throw new ProtocolError('ERR_ARTIFACT_MALFORMED', { kind: 'revocations' });
  const jwk = options.jwks.keys.find((k) => k.kid === header.kid && (k.use === undefined || k.use === 'sig') && ed25519PublicJwkSchema.safeParse(k).success);
  if (!jwk) throw new ProtocolError('ERR_UNKNOWN_KEY', { kind: 'revocations' });
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(compact, await importJWK({ kty: 'OKP', crv: 'Ed25519', x: jwk.x }, 'EdDSA'), { algorithms: ['EdDSA'] }));
  } catch (error) {
    throw toProtocolError(error, 'revocations', 'verify');
  }
  const claims: RevocationListClaims = parseClaims(claimsSchema, payload, 'revocations');
  if (options.product !== undefined && claims.product !== undefined && claims.product !== options.product) {
    throw new ProtocolError('ERR_WRONG_PRODUCT', { kind: 'revocations' });
  }
  const salt = Buffer.from(claims.salt, 'base64url');
  const bytes = Buffer.from(claims.entries, 'base64url');
  const size = Math.floor(bytes.length / REVOCATION_HASH_BYTES);
  // The hashes are sorted (signRevocationList): a binary search, no index to build.
  const listed = (entry: string) => {
    const wanted = entryHash(salt, entry);
    let [low, high] = [0, size - 1];
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const order = bytes.compare(wanted, 0, REVOCATION_HASH_BYTES, mid * REVOCATION_HASH_BYTES, (mid + 1) * REVOCATION_HASH_BYTES);
      if (order === 0) return true;
      if (order > 0) high = mid - 1;
      else low = mid + 1;
    }
    return false;
  };
  return {
    claims,
    kid: header.kid,
    size,
    revokes: (license) =>
      listed(revocationEntry.license(license.license_id)) ? 'license' : listed(revocationEntry.device(license.license_id, license.device_thumbprint)) ? 'device' : null,
  };
}
