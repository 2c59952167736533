/**
 * Shared fixtures for lib/protocol and lib/sdk tests (not shipped logic).
 */
import {
  generateDeviceKeyPair,
  generateEncryptionKeyPair,
  generateSigningKeyPair,
  jwkThumbprint,
} from './keys';
import { ProtocolError, protocolErrorMessage, type ProtocolErrorCode } from './errors';
import type { ArtifactKind, KeyPairJwk, LicenseClaims } from './types';

export interface Fixture {
  signing: KeyPairJwk;
  encryption: KeyPairJwk;
  device: KeyPairJwk;
  deviceThumbprint: string;
}

export async function makeFixture(): Promise<Fixture> {
  const [signing, encryption, device] = await Promise.all([
    generateSigningKeyPair(),
    generateEncryptionKeyPair(),
    generateDeviceKeyPair(),
  ]);
  return { signing, encryption, device, deviceThumbprint: await jwkThumbprint(device.publicJwk) };
}

export const T0 = 1_767_225_600; // 2026-01-01T00:00:00Z

export function licenseClaims(overrides: Partial<LicenseClaims> & { device_thumbprint: string }): LicenseClaims {
  return {
    license_id: 'lic_01',
    seat_id: 'seat_01',
    product: 'photo-pro',
    plan: 'standard',
    fingerprint: 'fp-machine-a',
    features: ['export', 'batch'],
    iat: T0,
    nbf: T0,
    exp: T0 + 30 * 86_400,
    grace: 3 * 86_400,
    jti: 'jti_01',
    ...overrides,
  };
}

/** Asserts a promise rejects with a ProtocolError of `code` and its one wording. */
export async function expectProtocolError(
  promise: Promise<unknown> | (() => unknown),
  code: ProtocolErrorCode,
  kind?: ArtifactKind,
  foundKind?: ArtifactKind,
): Promise<ProtocolError> {
  let caught: unknown;
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof ProtocolError)) {
    throw new Error(`expected ProtocolError ${code}, got ${caught === undefined ? 'success' : String(caught)}`);
  }
  if (caught.code !== code) throw new Error(`expected ${code}, got ${caught.code}: ${caught.message}`);
  const expected = protocolErrorMessage(code, { kind, foundKind });
  if (caught.message !== expected) throw new Error(`expected message "${expected}", got "${caught.message}"`);
  return caught;
}
