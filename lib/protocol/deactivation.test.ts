import { beforeAll, describe, expect, it } from 'vitest';
import { createActivationRequest } from './create-activation-request';
import { createDeactivation } from './create-deactivation';
import { generateDeviceKeyPair } from './keys';
import { openDeactivation } from './open-deactivation';
import { expectProtocolError, makeFixture, T0, type Fixture } from './test-fixtures';

let f: Fixture;
beforeAll(async () => {
  f = await makeFixture();
});

describe('deactivation file', () => {
  it('round-trips seat, usage and the device thumbprint the portal compares', async () => {
    const text = await createDeactivation({
      claims: { seat_id: 'seat_01', fingerprint: 'fp-machine-a', usage: { exports: 12, prints: 0 } },
      device: f.device,
      portalEncryptionJwk: f.encryption.publicJwk,
    });
    expect(text).toMatch(/^-----BEGIN GATEPASS DEACTIVATION-----\n/);
    const opened = await openDeactivation(text, { decryptionKeys: [f.encryption] });
    expect(opened.claims).toMatchObject({ seat_id: 'seat_01', usage: { exports: 12, prints: 0 } });
    expect(opened.claims.jti).toBeTruthy();
    expect(opened.deviceThumbprint).toBe(f.deviceThumbprint);
  });

  it('shows a different thumbprint for another device, so the portal can refuse it', async () => {
    const other = await generateDeviceKeyPair();
    const text = await createDeactivation({ claims: { seat_id: 'seat_01', fingerprint: 'fp' }, device: other, portalEncryptionJwk: f.encryption.publicJwk });
    const opened = await openDeactivation(text, { decryptionKeys: [f.encryption] });
    expect(opened.deviceThumbprint).not.toBe(f.deviceThumbprint);
  });

  it('has no age limit by default but honours maxAgeSeconds and the future skew', async () => {
    const old = await createDeactivation({ claims: { seat_id: 's', fingerprint: 'fp', iat: T0 - 400 * 86_400 }, device: f.device, portalEncryptionJwk: f.encryption.publicJwk });
    const now = new Date(T0 * 1000);
    await expect(openDeactivation(old, { decryptionKeys: [f.encryption], now })).resolves.toBeDefined();
    await expectProtocolError(openDeactivation(old, { decryptionKeys: [f.encryption], now, maxAgeSeconds: 86_400 }), 'ERR_REQUEST_EXPIRED', 'deactivation');
    const future = await createDeactivation({ claims: { seat_id: 's', fingerprint: 'fp', iat: T0 + 3600 }, device: f.device, portalEncryptionJwk: f.encryption.publicJwk });
    await expectProtocolError(openDeactivation(future, { decryptionKeys: [f.encryption], now }), 'ERR_REQUEST_FROM_FUTURE', 'deactivation');
  });

  it('refuses an activation request uploaded as a deactivation', async () => {
    const request = await createActivationRequest({
      claims: { license_key: 'K-1', fingerprint: 'fp', product: 'photo-pro' },
      device: f.device,
      portalEncryptionJwk: f.encryption.publicJwk,
    });
    const error = await expectProtocolError(openDeactivation(request, { decryptionKeys: [f.encryption] }), 'ERR_ARTIFACT_KIND', 'deactivation', 'request');
    expect(error.message).toMatch(/^This is an activation request, not a deactivation file\./);
  });

  it('refuses non-numeric usage counters', async () => {
    await expectProtocolError(
      createDeactivation({ claims: { seat_id: 's', fingerprint: 'fp', usage: { exports: 'many' as unknown as number } }, device: f.device, portalEncryptionJwk: f.encryption.publicJwk }),
      'ERR_CLAIMS_INVALID',
      'deactivation',
    );
  });
});
