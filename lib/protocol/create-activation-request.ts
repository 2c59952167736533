import { assertClaims } from './internal/headers';
import { sealDeviceArtifact, type DeviceKey } from './internal/device-artifact';
import { newJti, nowSeconds } from './internal/nonce';
import { activationRequestClaimsSchema } from './internal/schemas';
import type { ActivationRequestClaims, JWK } from './types';

export type { DeviceKey };

/** Request claims as the caller gives them: `jti` and `iat` are filled in when absent. */
export type ActivationRequestInput = Omit<ActivationRequestClaims, 'jti' | 'iat'> &
  Partial<Pick<ActivationRequestClaims, 'jti' | 'iat'>>;

export interface CreateActivationRequestOptions {
  claims: ActivationRequestInput;
  /** The device's Ed25519 key pair (see generateDeviceKeyPair). */
  device: DeviceKey;
  /** The portal's X25519 public encryption JWK, with its `kid`. */
  portalEncryptionJwk: JWK;
}

/**
 * Creates an armored activation request (DESIGN.md "The artifacts"): JWS
 * `EdDSA` by the device key with `typ: gatepass-request` and the device's
 * public `jwk` in its header, encrypted as JWE `ECDH-ES+A256KW`/`A256GCM` to
 * the portal key (`kid` in the JWE header).
 *
 * @throws {ProtocolError} ERR_CLAIMS_INVALID when the claims break the limits in docs/PROTOCOL.md
 * @example
 * const text = await createActivationRequest({
 *   claims: { license_key: 'GP-ABCD-EFGH', fingerprint, product: 'photo-pro' },
 *   device,
 *   portalEncryptionJwk,
 * });
 * // "-----BEGIN GATEPASS ACTIVATION REQUEST-----\n…"
 */
export async function createActivationRequest(options: CreateActivationRequestOptions): Promise<string> {
  const claims: ActivationRequestClaims = assertClaims(
    activationRequestClaimsSchema,
    { ...options.claims, jti: options.claims.jti ?? newJti(), iat: options.claims.iat ?? nowSeconds() },
    'request',
  );
  return sealDeviceArtifact('request', claims, options.device, options.portalEncryptionJwk);
}
