import { CompactEncrypt, CompactSign, importJWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { armor, dearmor } from './armor';
import { createActivationRequest } from './create-activation-request';
import { createDeactivation } from './create-deactivation';
import { generateDeviceKeyPair, generateEncryptionKeyPair } from './keys';
import { openActivationRequest } from './open-activation-request';
import { expectProtocolError, makeFixture, T0, type Fixture } from './test-fixtures';

let f: Fixture;
beforeAll(async () => {
  f = await makeFixture();
});

const base = { license_key: 'GP-ABCD-EFGH-IJKL', fingerprint: 'fp-machine-a', product: 'photo-pro' };
const now = new Date(T0 * 1000);
const open = (text: string, extra: { now?: Date; clockSkewSeconds?: number } = {}) =>
  openActivationRequest(text, { decryptionKeys: [f.encryption], maxAgeSeconds: 86_400, now, ...extra });

/** Builds a request by hand so tests can break one rule at a time. */
async function handMade(options: {
  claims: unknown;
  signWith?: typeof f.device;
  headerJwk?: object;
  typ?: string;
  outerTyp?: string;
}): Promise<string> {
  const signer = options.signWith ?? f.device;
  const { kty, crv, x, d } = signer.privateJwk;
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(options.claims)))
    .setProtectedHeader({
      alg: 'EdDSA',
      typ: options.typ ?? 'gatepass-request',
      jwk: (options.headerJwk ?? { kty, crv, x }) as never,
    })
    .sign(await importJWK({ kty, crv, x, d }, 'EdDSA'));
  const p = f.encryption.publicJwk;
  const jwe = await new CompactEncrypt(new TextEncoder().encode(jws))
    .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', typ: options.outerTyp ?? 'gatepass-request', kid: f.encryption.kid })
    .encrypt(await importJWK({ kty: p.kty, crv: p.crv, x: p.x }, 'ECDH-ES+A256KW'));
  return armor('request', jwe);
}

describe('activation request', () => {
  it('round-trips: claims, device key and thumbprint come back', async () => {
    const text = await createActivationRequest({
      claims: { ...base, iat: T0, requested_duration: 3600, device: { hostname: 'ana-laptop', os: 'linux 6.8', app_version: '2.1.0' } },
      device: f.device,
      portalEncryptionJwk: f.encryption.publicJwk,
    });
    expect(text).toMatch(/^-----BEGIN GATEPASS ACTIVATION REQUEST-----\n/);
    const opened = await open(text);
    expect(opened.claims).toMatchObject({ ...base, iat: T0, requested_duration: 3600 });
    expect(opened.claims.device?.hostname).toBe('ana-laptop');
    expect(opened.deviceThumbprint).toBe(f.deviceThumbprint);
    expect(opened.devicePublicJwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: f.device.publicJwk.x });
  });

  it('exposes a distinct jti per request so the portal can refuse replays', async () => {
    const make = () => createActivationRequest({ claims: { ...base, iat: T0 }, device: f.device, portalEncryptionJwk: f.encryption.publicJwk });
    const [a, b] = await Promise.all([make(), make()]);
    const [oa, ob] = await Promise.all([open(a), open(b)]);
    expect(oa.claims.jti).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(oa.claims.jti).not.toBe(ob.claims.jti);
  });

  it('refuses a request signed by one device key that carries another key in its jwk header', async () => {
    const other = await generateDeviceKeyPair();
    const text = await handMade({
      claims: { ...base, jti: 'j1', iat: T0 },
      signWith: f.device,
      headerJwk: { kty: 'OKP', crv: 'Ed25519', x: other.publicJwk.x },
    });
    await expectProtocolError(open(text), 'ERR_SIGNATURE_INVALID', 'request');
  });

  it('refuses an embedded jwk that is private, not Ed25519, or missing', async () => {
    const claims = { ...base, jti: 'j1', iat: T0 };
    await expectProtocolError(open(await handMade({ claims, headerJwk: f.device.privateJwk })), 'ERR_SIGNATURE_INVALID', 'request');
    await expectProtocolError(open(await handMade({ claims, headerJwk: f.encryption.publicJwk })), 'ERR_SIGNATURE_INVALID', 'request');
  });

  it('refuses a request made for another portal key with "another Gatepass portal"', async () => {
    const otherPortal = await generateEncryptionKeyPair();
    const text = await createActivationRequest({ claims: base, device: f.device, portalEncryptionJwk: otherPortal.publicJwk });
    const error = await expectProtocolError(
      openActivationRequest(text, { decryptionKeys: [f.encryption], maxAgeSeconds: 60 }),
      'ERR_UNKNOWN_KEY',
      'request',
    );
    expect(error.message).toContain('made for another Gatepass portal');
  });

  it('opens with a retired portal key found by kid', async () => {
    const retired = await generateEncryptionKeyPair();
    const text = await createActivationRequest({ claims: { ...base, iat: T0 }, device: f.device, portalEncryptionJwk: retired.publicJwk });
    const opened = await openActivationRequest(text, { decryptionKeys: [f.encryption, retired], maxAgeSeconds: 60, now });
    expect(opened.claims.license_key).toBe(base.license_key);
  });

  it('refuses tampered ciphertext as undecryptable', async () => {
    const text = await createActivationRequest({ claims: { ...base, iat: T0 }, device: f.device, portalEncryptionJwk: f.encryption.publicJwk });
    const parts = dearmor(text, 'request').split('.');
    const ct = parts[3]!;
    parts[3] = (ct[0] === 'A' ? 'B' : 'A') + ct.slice(1);
    await expectProtocolError(open(armor('request', parts.join('.'))), 'ERR_DECRYPT_FAILED', 'request');
  });

  it('checks freshness at the edges: maxAge inclusive, future beyond skew refused', async () => {
    const make = (iat: number) =>
      createActivationRequest({ claims: { ...base, iat }, device: f.device, portalEncryptionJwk: f.encryption.publicJwk });
    await expect(open(await make(T0 - 86_400))).resolves.toBeDefined();
    await expectProtocolError(open(await make(T0 - 86_401)), 'ERR_REQUEST_EXPIRED', 'request');
    await expect(open(await make(T0 + 300))).resolves.toBeDefined();
    await expectProtocolError(open(await make(T0 + 301)), 'ERR_REQUEST_FROM_FUTURE', 'request');
    await expect(open(await make(T0 + 1000), { clockSkewSeconds: 1000 })).resolves.toBeDefined();
  });

  it('validates claims on both sides', async () => {
    await expectProtocolError(
      createActivationRequest({ claims: { ...base, fingerprint: 'x'.repeat(257) }, device: f.device, portalEncryptionJwk: f.encryption.publicJwk }),
      'ERR_CLAIMS_INVALID',
      'request',
    );
    for (const claims of [
      { ...base, iat: T0 }, // no jti
      { ...base, jti: 'j', iat: T0, fingerprint: 'x'.repeat(257) },
      { ...base, jti: 'j', iat: T0, license_key: '' },
      { ...base, jti: 'j', iat: T0, license_key: 'k'.repeat(300) },
      { ...base, jti: 'j', iat: 'yesterday' },
      { ...base, jti: 'j', iat: T0, product: 'no spaces please' },
      'not an object',
    ]) {
      const error = await expectProtocolError(open(await handMade({ claims })), 'ERR_CLAIMS_INVALID', 'request');
      expect(error.issues?.length).toBeGreaterThan(0);
    }
  });

  // Issue 13, point 7: a host name must read as it is, to support and in the audit log.
  it.each([
    ['right-to-left override', { hostname: 'invoice\u202Eexe.tab' }],
    ['left-to-right isolate', { hostname: 'build\u2066-01' }],
    ['pop directional isolate', { os: 'Linux\u2069' }],
    ['right-to-left mark', { hostname: 'a\u200Fb' }],
    ['Arabic letter mark', { app_version: '1.0\u061C' }],
    ['zero-width space', { hostname: 'lap\u200Btop' }],
    ['zero-width joiner', { hostname: 'lap\u200Dtop' }],
    ['word joiner', { hostname: 'lap\u2060top' }],
    ['byte order mark', { hostname: '\uFEFFlaptop' }],
    ['soft hyphen', { hostname: 'lap\u00ADtop' }],
    ['Hangul filler', { hostname: '\u3164' }],
  ])('refuses device metadata with a %s, on both sides, with its own code', async (_label, device) => {
    const error = await expectProtocolError(
      createActivationRequest({ claims: { ...base, device }, device: f.device, portalEncryptionJwk: f.encryption.publicJwk }),
      'ERR_DEVICE_METADATA_UNSAFE',
      'request',
    );
    expect(error.message).toContain('invisible or text-direction characters');
    await expectProtocolError(open(await handMade({ claims: { ...base, jti: 'j', iat: T0, device } })), 'ERR_DEVICE_METADATA_UNSAFE', 'request');
  });

  it('keeps accepting ordinary international device names', async () => {
    const device = { hostname: 'Büro-Rechner-ü1 ノートPC 🚀', os: 'Windows 11 (x64)', app_version: '2.1.0-beta+7' };
    const text = await createActivationRequest({ claims: { ...base, iat: T0, device }, device: f.device, portalEncryptionJwk: f.encryption.publicJwk });
    await expect(open(text)).resolves.toMatchObject({ claims: { device } });
  });

  it('refuses a deactivation file, by armor and by typ', async () => {
    const deactivation = await createDeactivation({
      claims: { seat_id: 's1', fingerprint: 'fp', iat: T0 },
      device: f.device,
      portalEncryptionJwk: f.encryption.publicJwk,
    });
    await expectProtocolError(open(deactivation), 'ERR_ARTIFACT_KIND', 'request', 'deactivation');
    const relabelled = armor('request', dearmor(deactivation, 'deactivation'));
    await expectProtocolError(open(relabelled), 'ERR_ARTIFACT_KIND', 'request', 'deactivation');
    const innerTyp = await handMade({ claims: { ...base, jti: 'j', iat: T0 }, typ: 'gatepass-deactivation' });
    await expectProtocolError(open(innerTyp), 'ERR_ARTIFACT_KIND', 'request', 'deactivation');
    const noTyp = await handMade({ claims: { ...base, jti: 'j', iat: T0 }, outerTyp: 'JWT' });
    await expectProtocolError(open(noTyp), 'ERR_ARTIFACT_MALFORMED', 'request');
  });

  it('refuses garbage and oversized uploads cleanly', async () => {
    await expectProtocolError(open('GET / HTTP/1.1'), 'ERR_ARTIFACT_MALFORMED', 'request');
    await expectProtocolError(open(armor('request', 'a.b.c.d.e')), 'ERR_ARTIFACT_MALFORMED', 'request');
    await expectProtocolError(open('x'.repeat(70_000)), 'ERR_ARTIFACT_TOO_LARGE', 'request');
  });
});
