import { hkdfSync } from 'node:crypto';

/** HKDF salt for license-file encryption (DESIGN.md "Fixed details"). */
export const LICENSE_FILE_HKDF_SALT = 'gatepass/license-file/v1';

/**
 * The 32-byte `dir`/`A256GCM` key of an encrypted license file: HKDF-SHA256
 * (RFC 5869) with IKM = the license key exactly as printed (UTF-8), salt =
 * `gatepass/license-file/v1`, info = the fingerprint (UTF-8).
 *
 * @example
 * const cek = deriveLicenseFileKey('GP-ABCD-EFGH', fingerprint); // Uint8Array(32)
 */
export function deriveLicenseFileKey(licenseKey: string, fingerprint: string): Uint8Array {
  return new Uint8Array(
    hkdfSync('sha256', Buffer.from(licenseKey, 'utf8'), Buffer.from(LICENSE_FILE_HKDF_SALT, 'utf8'), Buffer.from(fingerprint, 'utf8'), 32),
  );
}
