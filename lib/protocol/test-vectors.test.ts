/**
 * The committed vectors (scripts/make-test-vectors.ts) still verify with the
 * fixed keys at the fixed time: a format change that breaks old files fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  deriveLicenseFileKey,
  evaluateLease,
  jwkThumbprint,
  openActivationRequest,
  openDeactivation,
  signLicenseFile,
  verifyLicenseFile,
  type KeyPairJwk,
} from './index';

const dir = join(__dirname, 'test-vectors');
const json = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const text = (name: string) => readFileSync(join(dir, name), 'utf8');
const keys = json('keys.json') as { signing: KeyPairJwk; encryption: KeyPairJwk; device: KeyPairJwk; jwks: { keys: [] }; time: number };

describe('test vectors', () => {
  it('use the RFC 8037 Appendix A key for signing, kid = RFC 7638 thumbprint', async () => {
    expect(keys.signing.kid).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
    for (const k of [keys.signing, keys.encryption, keys.device]) expect(await jwkThumbprint(k.publicJwk)).toBe(k.kid);
  });

  it('the unencrypted license verifies and re-signs byte for byte (Ed25519 is deterministic)', async () => {
    const v = json('license-plain.json');
    const file = text(v.file);
    const verified = await verifyLicenseFile(file, { jwks: keys.jwks, fingerprint: v.fingerprint });
    expect(verified).toEqual({ claims: v.claims, kid: keys.signing.kid, encrypted: false });
    expect(evaluateLease(verified.claims, { now: new Date(v.time * 1000) }).status).toBe('valid');
    expect(await signLicenseFile({ claims: v.claims, signingKey: keys.signing })).toBe(file);
  });

  it('the encrypted license verifies, decrypts with the documented HKDF key, and only there', async () => {
    const v = json('license-encrypted.json');
    expect(Buffer.from(deriveLicenseFileKey(v.license_key, v.fingerprint)).toString('hex')).toBe(v.content_key_hex);
    const verified = await verifyLicenseFile(text(v.file), { jwks: keys.jwks, fingerprint: v.fingerprint, licenseKey: v.license_key });
    expect(verified).toEqual({ claims: v.claims, kid: keys.signing.kid, encrypted: true });
    await expect(verifyLicenseFile(text(v.file), { jwks: keys.jwks, fingerprint: `${v.fingerprint}0`, licenseKey: v.license_key })).rejects.toMatchObject({ code: 'ERR_DECRYPT_FAILED' });
  });

  it('the activation request opens with the portal key at the fixed time', async () => {
    const v = json('activation-request.json');
    const opened = await openActivationRequest(text(v.file), { decryptionKeys: [keys.encryption], maxAgeSeconds: v.max_age_seconds, now: new Date(v.time * 1000) });
    expect(opened.claims).toEqual(v.claims);
    expect(opened.deviceThumbprint).toBe(v.device_thumbprint);
    await expect(openActivationRequest(text(v.file), { decryptionKeys: [keys.encryption], maxAgeSeconds: v.max_age_seconds, now: new Date((v.time + 2 * 86_400) * 1000) })).rejects.toMatchObject({ code: 'ERR_REQUEST_EXPIRED' });
  });

  it('the deactivation opens and names the same device', async () => {
    const v = json('deactivation.json');
    const opened = await openDeactivation(text(v.file), { decryptionKeys: [keys.encryption], now: new Date(v.time * 1000) });
    expect(opened.claims).toEqual(v.claims);
    expect(opened.deviceThumbprint).toBe(v.device_thumbprint);
    expect(opened.deviceThumbprint).toBe(keys.device.kid);
  });
});
