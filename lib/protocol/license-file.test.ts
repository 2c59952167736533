import { CompactSign, base64url, importJWK } from 'jose';
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { armor, dearmor } from './armor';
import { ProtocolError, protocolErrorMessage } from './errors';
import { generateSigningKeyPair, publicJwks } from './keys';
import { signLicenseFile } from './sign-license-file';
import { expectProtocolError, licenseClaims, makeFixture, type Fixture } from './test-fixtures';
import type { LicenseClaims } from './types';
import { verifyLicenseFile } from './verify-license-file';

let f: Fixture;
let claims: LicenseClaims;
let jwks: ReturnType<typeof publicJwks>;
const licenseKey = 'GP-ABCD-EFGH-IJKL';
const fingerprint = 'fp-machine-a';

beforeAll(async () => {
  f = await makeFixture();
  claims = licenseClaims({ device_thumbprint: f.deviceThumbprint });
  jwks = publicJwks([f.signing, f.encryption]);
});

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('license file', () => {
  it('round-trips unencrypted, with kid and the plain marker', async () => {
    const text = await signLicenseFile({ claims, signingKey: f.signing });
    expect(text).toMatch(/^-----BEGIN GATEPASS LICENSE-----\n/);
    const header = JSON.parse(Buffer.from(dearmor(text, 'license').split('.')[0]!, 'base64url').toString());
    expect(header).toEqual({ alg: 'EdDSA', kid: f.signing.kid, typ: 'gatepass-license', cty: 'gatepass-license+json' });
    await expect(verifyLicenseFile(text, { jwks, fingerprint })).resolves.toEqual({ claims, kid: f.signing.kid, encrypted: false });
  });

  it('round-trips encrypted; the payload is a dir/A256GCM JWE that hides the claims', async () => {
    const text = await signLicenseFile({ claims, signingKey: f.signing, encryptWith: { licenseKey } });
    const [h, payload] = dearmor(text, 'license').split('.');
    expect(JSON.parse(Buffer.from(h!, 'base64url').toString()).cty).toBe('gatepass-license+jwe');
    const jwe = Buffer.from(payload!, 'base64url').toString();
    expect(jwe.split('.')).toHaveLength(5);
    expect(JSON.parse(Buffer.from(jwe.split('.')[0]!, 'base64url').toString())).toEqual({ alg: 'dir', enc: 'A256GCM', typ: 'gatepass-license' });
    expect(jwe).not.toContain('photo-pro');
    await expect(verifyLicenseFile(text, { jwks, fingerprint, licenseKey })).resolves.toEqual({ claims, kid: f.signing.kid, encrypted: true });
  });

  it('rejects EVERY single-character change of the compact body', async () => {
    for (const encryptWith of [undefined, { licenseKey }]) {
      const compact = dearmor(await signLicenseFile({ claims, signingKey: f.signing, encryptWith }), 'license');
      const codes = new Set<string>();
      for (let i = 0; i < compact.length; i++) {
        const c = compact[i]!;
        const replacement = c === '.' ? 'A' : BASE64URL[(BASE64URL.indexOf(c) + 1) % 64]!;
        const tampered = armor('license', compact.slice(0, i) + replacement + compact.slice(i + 1));
        let caught: unknown;
        try {
          await verifyLicenseFile(tampered, { jwks, fingerprint, licenseKey });
        } catch (error) {
          caught = error;
        }
        expect(caught, `position ${i} accepted`).toBeInstanceOf(ProtocolError);
        const error = caught as ProtocolError;
        expect(error.message).toBe(protocolErrorMessage(error.code, { kind: 'license' }));
        codes.add(error.code);
      }
      // Most changes break the signature; header changes may also break the shape or the kid.
      expect(codes.has('ERR_SIGNATURE_INVALID')).toBe(true);
      expect([...codes].every((c) => ['ERR_SIGNATURE_INVALID', 'ERR_ARTIFACT_MALFORMED', 'ERR_UNKNOWN_KEY'].includes(c))).toBe(true);
    }
  });

  it('does not open on another fingerprint, nor with another license key', async () => {
    const encrypted = await signLicenseFile({ claims, signingKey: f.signing, encryptWith: { licenseKey } });
    const error = await expectProtocolError(verifyLicenseFile(encrypted, { jwks, fingerprint: 'fp-machine-b', licenseKey }), 'ERR_DECRYPT_FAILED', 'license');
    expect(error.message).toContain('made for another machine');
    await expectProtocolError(verifyLicenseFile(encrypted, { jwks, fingerprint, licenseKey: 'GP-ABCD-EFGH-IJKM' }), 'ERR_DECRYPT_FAILED', 'license');
    await expectProtocolError(verifyLicenseFile(encrypted, { jwks, fingerprint }), 'ERR_LICENSE_KEY_REQUIRED', 'license');
    const plain = await signLicenseFile({ claims, signingKey: f.signing });
    await expectProtocolError(verifyLicenseFile(plain, { jwks, fingerprint: 'fp-machine-b' }), 'ERR_WRONG_DEVICE', 'license');
  });

  it('checks the product when asked', async () => {
    const text = await signLicenseFile({ claims, signingKey: f.signing });
    await expect(verifyLicenseFile(text, { jwks, fingerprint, product: 'photo-pro' })).resolves.toBeDefined();
    await expectProtocolError(verifyLicenseFile(text, { jwks, fingerprint, product: 'video-pro' }), 'ERR_WRONG_PRODUCT', 'license');
  });

  it('refuses a key that is not in the JWKS, and accepts a retired one that is', async () => {
    const stranger = await generateSigningKeyPair();
    const text = await signLicenseFile({ claims, signingKey: stranger });
    await expectProtocolError(verifyLicenseFile(text, { jwks, fingerprint }), 'ERR_UNKNOWN_KEY', 'license');
    const withRetired = publicJwks([f.signing, stranger]);
    await expect(verifyLicenseFile(text, { jwks: withRetired, fingerprint })).resolves.toMatchObject({ kid: stranger.kid });
  });

  it('does not use the portal encryption key or a sig key of another type for a matching kid', async () => {
    const text = await signLicenseFile({ claims, signingKey: { kid: f.encryption.kid, privateJwk: f.signing.privateJwk } });
    await expectProtocolError(verifyLicenseFile(text, { jwks, fingerprint }), 'ERR_UNKNOWN_KEY', 'license');
  });

  it('rejects forged alg "none" and HS256 tokens', async () => {
    const enc = (o: unknown) => base64url.encode(JSON.stringify(o));
    const payload = enc(claims);
    const none = `${enc({ alg: 'none', kid: f.signing.kid, typ: 'gatepass-license', cty: 'gatepass-license+json' })}.${payload}.`;
    await expectProtocolError(verifyLicenseFile(armor('license', none), { jwks, fingerprint }), 'ERR_SIGNATURE_INVALID', 'license');
    // HS256 keyed with the public key bytes: the classic algorithm-confusion forgery (RFC 8725 §2.1).
    const hsHeader = enc({ alg: 'HS256', kid: f.signing.kid, typ: 'gatepass-license', cty: 'gatepass-license+json' });
    const mac = createHmac('sha256', Buffer.from(f.signing.publicJwk.x!, 'base64url')).update(`${hsHeader}.${payload}`).digest('base64url');
    await expectProtocolError(verifyLicenseFile(armor('license', `${hsHeader}.${payload}.${mac}`), { jwks, fingerprint }), 'ERR_SIGNATURE_INVALID', 'license');
    // A real EdDSA signature cannot be relabelled either: the header is signed.
    const real = dearmor(await signLicenseFile({ claims, signingKey: f.signing }), 'license').split('.');
    const relabelled = `${enc({ alg: 'EdDSA', kid: f.signing.kid, typ: 'gatepass-license', cty: 'gatepass-license+jwe' })}.${real[1]}.${real[2]}`;
    await expectProtocolError(verifyLicenseFile(armor('license', relabelled), { jwks, fingerprint, licenseKey }), 'ERR_SIGNATURE_INVALID', 'license');
  });

  it('refuses a validly signed token of another typ or without the payload marker', async () => {
    const { kty, crv, x, d } = f.signing.privateJwk;
    const key = await importJWK({ kty, crv, x, d }, 'EdDSA');
    const sign = (header: Record<string, unknown>) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(claims))).setProtectedHeader({ alg: 'EdDSA', kid: f.signing.kid, ...header }).sign(key);
    await expectProtocolError(verifyLicenseFile(armor('license', await sign({ typ: 'JWT', cty: 'gatepass-license+json' })), { jwks, fingerprint }), 'ERR_ARTIFACT_MALFORMED', 'license');
    await expectProtocolError(verifyLicenseFile(armor('license', await sign({ typ: 'gatepass-license' })), { jwks, fingerprint }), 'ERR_ARTIFACT_MALFORMED', 'license');
    const bad = await sign({ typ: 'gatepass-license', cty: 'gatepass-license+json' });
    const withBadClaims = await new CompactSign(new TextEncoder().encode(JSON.stringify({ ...claims, features: 'all' })))
      .setProtectedHeader({ alg: 'EdDSA', kid: f.signing.kid, typ: 'gatepass-license', cty: 'gatepass-license+json' })
      .sign(key);
    await expect(verifyLicenseFile(armor('license', bad), { jwks, fingerprint })).resolves.toBeDefined();
    await expectProtocolError(verifyLicenseFile(armor('license', withBadClaims), { jwks, fingerprint }), 'ERR_CLAIMS_INVALID', 'license');
  });

  it('refuses other kinds, garbage and oversized input', async () => {
    await expectProtocolError(verifyLicenseFile('-----BEGIN GATEPASS DEACTIVATION-----\na.b.c.d.e\n-----END GATEPASS DEACTIVATION-----', { jwks, fingerprint }), 'ERR_ARTIFACT_KIND', 'license', 'deactivation');
    await expectProtocolError(verifyLicenseFile('%PDF-1.7 …', { jwks, fingerprint }), 'ERR_ARTIFACT_MALFORMED', 'license');
    await expectProtocolError(verifyLicenseFile(armor('license', 'e30.e30.e30'), { jwks, fingerprint }), 'ERR_ARTIFACT_MALFORMED', 'license');
    await expectProtocolError(verifyLicenseFile(new Uint8Array(1025 * 1024), { jwks, fingerprint }), 'ERR_ARTIFACT_TOO_LARGE', 'license');
  });

  it('refuses claims it would not accept when signing', async () => {
    await expectProtocolError(signLicenseFile({ claims: { ...claims, nbf: claims.exp + 1 }, signingKey: f.signing }), 'ERR_CLAIMS_INVALID', 'license');
    await expectProtocolError(signLicenseFile({ claims: { ...claims, device_thumbprint: 'short' }, signingKey: f.signing }), 'ERR_CLAIMS_INVALID', 'license');
  });
});
