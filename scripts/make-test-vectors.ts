/**
 * Writes lib/protocol/test-vectors/: fixed keys, a fixed time, and one of each
 * artifact (docs/PROTOCOL.md "Test vectors"). Ed25519 signatures are
 * deterministic (RFC 8032 §5.1.6), so keys and the unencrypted license file come
 * out byte-identical on every run; ECDH ephemeral keys and GCM IVs are random,
 * so the other artifacts differ per run and tests verify rather than re-create them.
 *
 *   npm run vectors
 */
import { createHash, createPrivateKey } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createActivationRequest,
  createDeactivation,
  deriveLicenseFileKey,
  jwkThumbprint,
  publicJwks,
  signLicenseFile,
  type JWK,
  type KeyPairJwk,
  type LicenseClaims,
} from '../lib/protocol';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../lib/protocol/test-vectors');

/** 2026-01-01T00:00:00Z: every vector is made and checked "at" this time. */
export const VECTOR_TIME = 1_767_225_600;

/** PKCS #8 prefixes for a raw 32-byte seed (RFC 8410 §7): Ed25519 and X25519. */
const PKCS8_PREFIX = { Ed25519: '302e020100300506032b657004220420', X25519: '302e020100300506032b656e04220420' };

async function fixedKey(crv: 'Ed25519' | 'X25519', seedHex: string, alg: string, use: 'sig' | 'enc'): Promise<KeyPairJwk> {
  const der = Buffer.from(PKCS8_PREFIX[crv] + seedHex, 'hex');
  const { kty, x, d } = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' });
  const publicJwk = { kty, crv, x } as JWK;
  const kid = await jwkThumbprint(publicJwk);
  const pub = { ...publicJwk, kid, alg, use } as JWK;
  return { kid, publicJwk: pub, privateJwk: { ...pub, d } };
}

const seed = (label: string) => createHash('sha256').update(`gatepass/test-vectors/${label}`).digest('hex');

async function main(): Promise<void> {
  // The vendor key is RFC 8037 Appendix A.1's, so its thumbprint can be checked against the RFC.
  const signing = await fixedKey('Ed25519', Buffer.from('nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A', 'base64url').toString('hex'), 'EdDSA', 'sig');
  const encryption = await fixedKey('X25519', seed('portal-encryption'), 'ECDH-ES+A256KW', 'enc');
  const device = await fixedKey('Ed25519', seed('device'), 'EdDSA', 'sig');
  const jwks = publicJwks([signing, encryption]);

  const licenseKey = 'GP-7Q2M-XK4D-91ZR';
  const fingerprint = createHash('sha256').update('3d1219c7c4c5404aaa1f6d2a48adfda4:photo-pro').digest('hex');
  const claims: LicenseClaims = {
    license_id: 'lic_01JH5V4V0W3Q',
    seat_id: 'seat_01JH5V5B7K2M',
    product: 'photo-pro',
    plan: 'standard',
    fingerprint,
    device_thumbprint: device.kid,
    features: ['export', 'batch'],
    iat: VECTOR_TIME,
    nbf: VECTOR_TIME,
    exp: VECTOR_TIME + 30 * 86_400,
    grace: 3 * 86_400,
    jti: 'lf_3b7f1c2a9d',
  };

  const plain = await signLicenseFile({ claims, signingKey: signing });
  const encrypted = await signLicenseFile({ claims, signingKey: signing, encryptWith: { licenseKey } });
  const requestClaims = {
    license_key: licenseKey,
    fingerprint,
    product: 'photo-pro',
    jti: 'rq_8c1d5e7f2a',
    iat: VECTOR_TIME - 60,
    requested_duration: 30 * 86_400,
    device: { hostname: 'ana-laptop', os: 'linux 6.8.0', app_version: '2.1.0' },
  };
  const request = await createActivationRequest({ claims: requestClaims, device, portalEncryptionJwk: encryption.publicJwk });
  const deactivationClaims = { seat_id: claims.seat_id, fingerprint, jti: 'dq_4e9a0b6c1f', iat: VECTOR_TIME + 86_400, usage: { exports: 12 } };
  const deactivation = await createDeactivation({ claims: deactivationClaims, device, portalEncryptionJwk: encryption.publicJwk });

  await mkdir(OUT, { recursive: true });
  const write = (name: string, data: unknown) =>
    writeFile(join(OUT, name), typeof data === 'string' ? data : `${JSON.stringify(data, null, 2)}\n`);
  const note = 'Test keys only. Never use them for anything else.';
  await write('keys.json', { note, time: VECTOR_TIME, signing, encryption, device, jwks });
  await write('license-plain.lic', plain);
  await write('license-plain.json', { file: 'license-plain.lic', time: VECTOR_TIME, fingerprint, encrypted: false, kid: signing.kid, claims });
  await write('license-encrypted.lic', encrypted);
  await write('license-encrypted.json', {
    file: 'license-encrypted.lic',
    time: VECTOR_TIME,
    fingerprint,
    license_key: licenseKey,
    hkdf: { hash: 'SHA-256', salt: 'gatepass/license-file/v1', info: fingerprint, length: 32 },
    content_key_hex: Buffer.from(deriveLicenseFileKey(licenseKey, fingerprint)).toString('hex'),
    encrypted: true,
    kid: signing.kid,
    claims,
  });
  await write('activation-request.req', request);
  await write('activation-request.json', {
    file: 'activation-request.req',
    time: VECTOR_TIME,
    max_age_seconds: 86_400,
    portal_kid: encryption.kid,
    device_thumbprint: device.kid,
    claims: requestClaims,
  });
  await write('deactivation.req', deactivation);
  await write('deactivation.json', {
    file: 'deactivation.req',
    time: VECTOR_TIME + 86_400,
    portal_kid: encryption.kid,
    device_thumbprint: device.kid,
    claims: deactivationClaims,
  });
  console.log(`Wrote test vectors to ${OUT}`);
}

await main();
