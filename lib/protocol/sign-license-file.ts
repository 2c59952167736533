import { CompactEncrypt, CompactSign } from 'jose';
import { importPrivateOkpKey } from './internal/imported-keys';
import { armor } from './armor';
import { deriveLicenseFileKey } from './derive-license-file-key';
import { assertClaims } from './internal/headers';
import { licenseClaimsSchema } from './internal/schemas';
import { ARTIFACT_TYP, type KeyPairJwk, type LicenseClaims } from './types';

/**
 * The `cty` header of a license file's JWS says what its payload is
 * (RFC 7515 §4.1.10): an encrypted compact JWE, or the claims JSON itself.
 * The header is signed, so nobody can flip it.
 */
export const LICENSE_CTY = {
  encrypted: 'gatepass-license+jwe',
  plain: 'gatepass-license+json',
} as const;

export interface SignLicenseFileOptions {
  claims: LicenseClaims;
  /** The vendor's active Ed25519 signing key; its `kid` goes in the header. */
  signingKey: Pick<KeyPairJwk, 'kid' | 'privateJwk'>;
  /** Encrypt the claims for the one machine (the plan's default; DESIGN.md "The artifacts"). */
  encryptWith?: { licenseKey: string };
}

/**
 * Signs an armored license file: compact JWS `EdDSA` with header
 * `{ alg, kid, typ: 'gatepass-license', cty }`. With `encryptWith`, the payload
 * is a compact JWE (`dir`, `A256GCM`) of the claims under
 * {@link deriveLicenseFileKey}, so the signature covers the ciphertext and
 * integrity is checked before decryption.
 *
 * @throws {ProtocolError} ERR_CLAIMS_INVALID when the claims break the limits in docs/PROTOCOL.md
 * @example
 * const text = await signLicenseFile({ claims, signingKey, encryptWith: { licenseKey } });
 * // "-----BEGIN GATEPASS LICENSE-----\n…"
 */
export async function signLicenseFile(options: SignLicenseFileOptions): Promise<string> {
  const claims: LicenseClaims = assertClaims(licenseClaimsSchema, options.claims, 'license');
  const json = new TextEncoder().encode(JSON.stringify(claims));
  let payload = json;
  if (options.encryptWith) {
    const cek = deriveLicenseFileKey(options.encryptWith.licenseKey, claims.fingerprint);
    const jwe = await new CompactEncrypt(json)
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', typ: ARTIFACT_TYP.license })
      .encrypt(cek);
    payload = new TextEncoder().encode(jwe);
  }
  const { kty, crv, d } = options.signingKey.privateJwk;
  if (kty !== 'OKP' || crv !== 'Ed25519' || typeof d !== 'string') {
    throw new TypeError('signingKey.privateJwk must be an Ed25519 private JWK');
  }
  const jws = await new CompactSign(payload)
    .setProtectedHeader({
      alg: 'EdDSA',
      kid: options.signingKey.kid,
      typ: ARTIFACT_TYP.license,
      cty: options.encryptWith ? LICENSE_CTY.encrypted : LICENSE_CTY.plain,
    })
    .sign(await importPrivateOkpKey(options.signingKey.privateJwk, 'EdDSA'));
  return armor('license', jws);
}
