import { compactDecrypt, compactVerify, importJWK, type JSONWebKeySet } from 'jose';
import { dearmor } from './armor';
import { deriveLicenseFileKey } from './derive-license-file-key';
import { ProtocolError } from './errors';
import { parseClaims, readProtectedHeader } from './internal/headers';
import { toProtocolError } from './internal/jose-errors';
import { ed25519PublicJwkSchema, licenseClaimsSchema } from './internal/schemas';
import { LICENSE_CTY } from './sign-license-file';
import type { JWK, LicenseClaims } from './types';

export interface VerifyLicenseFileOptions {
  /** Trusted keys, embedded in the application build: never fetched at check time. */
  jwks: JSONWebKeySet;
  /** This machine's fingerprint; the file must name it. */
  fingerprint: string;
  /** Needed to open encrypted files. */
  licenseKey?: string;
  /** When given, the file must be for this product slug (ERR_WRONG_PRODUCT). */
  product?: string;
}

export interface VerifiedLicenseFile {
  claims: LicenseClaims;
  kid: string;
  encrypted: boolean;
}

/** The vendor signing key named by `kid`: an Ed25519 public key meant for signatures. */
function findSigningKey(jwks: JSONWebKeySet, kid: string): JWK | undefined {
  return jwks.keys.find(
    (k) => k.kid === kid && (k.use === undefined || k.use === 'sig') && ed25519PublicJwkSchema.safeParse(k).success,
  );
}

/**
 * Verifies an armored license file offline (DESIGN.md "Offline checks"):
 * signature by `kid` with EdDSA only, `typ`, decryption when `cty` says the
 * payload is encrypted, claims, product and fingerprint. No time checks: see
 * {@link evaluateLease}.
 *
 * @throws {ProtocolError} ERR_ARTIFACT_TOO_LARGE, ERR_ARTIFACT_MALFORMED, ERR_ARTIFACT_KIND,
 *   ERR_UNKNOWN_KEY, ERR_SIGNATURE_INVALID, ERR_LICENSE_KEY_REQUIRED, ERR_DECRYPT_FAILED,
 *   ERR_CLAIMS_INVALID, ERR_WRONG_PRODUCT, ERR_WRONG_DEVICE
 * @example
 * const { claims } = await verifyLicenseFile(text, { jwks: EMBEDDED_JWKS, fingerprint, licenseKey });
 * evaluateLease(claims, { now: new Date() }).status; // 'valid'
 */
export async function verifyLicenseFile(
  text: string | Uint8Array,
  options: VerifyLicenseFileOptions,
): Promise<VerifiedLicenseFile> {
  const compact = dearmor(text, 'license');
  const header = readProtectedHeader(compact, 'license');
  if (header.alg !== 'EdDSA') throw new ProtocolError('ERR_SIGNATURE_INVALID', { kind: 'license' });
  if (typeof header.kid !== 'string') throw new ProtocolError('ERR_ARTIFACT_MALFORMED', { kind: 'license' });
  const encrypted = header.cty === LICENSE_CTY.encrypted;
  if (!encrypted && header.cty !== LICENSE_CTY.plain) {
    throw new ProtocolError('ERR_ARTIFACT_MALFORMED', { kind: 'license' });
  }
  const jwk = findSigningKey(options.jwks, header.kid);
  if (!jwk) throw new ProtocolError('ERR_UNKNOWN_KEY', { kind: 'license' });

  let payload: Uint8Array;
  try {
    const key = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: jwk.x }, 'EdDSA');
    ({ payload } = await compactVerify(compact, key, { algorithms: ['EdDSA'] }));
  } catch (error) {
    throw toProtocolError(error, 'license', 'verify');
  }

  if (encrypted) {
    if (!options.licenseKey) throw new ProtocolError('ERR_LICENSE_KEY_REQUIRED', { kind: 'license' });
    const jwe = new TextDecoder().decode(payload);
    readProtectedHeader(jwe, 'license');
    try {
      const cek = deriveLicenseFileKey(options.licenseKey, options.fingerprint);
      ({ plaintext: payload } = await compactDecrypt(jwe, cek, {
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
      }));
    } catch (error) {
      throw toProtocolError(error, 'license', 'decrypt');
    }
  }

  const claims: LicenseClaims = parseClaims(licenseClaimsSchema, payload, 'license');
  if (options.product !== undefined && claims.product !== options.product) {
    throw new ProtocolError('ERR_WRONG_PRODUCT', { kind: 'license' });
  }
  if (claims.fingerprint !== options.fingerprint) throw new ProtocolError('ERR_WRONG_DEVICE', { kind: 'license' });
  return { claims, kid: header.kid, encrypted };
}
