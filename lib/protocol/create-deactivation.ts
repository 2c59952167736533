import { assertClaims } from './internal/headers';
import { sealDeviceArtifact, type DeviceKey } from './internal/device-artifact';
import { newJti, nowSeconds } from './internal/nonce';
import { deactivationClaimsSchema } from './internal/schemas';
import type { DeactivationClaims, JWK } from './types';

/** Deactivation claims as the caller gives them: `jti` and `iat` are filled in when absent. */
export type DeactivationInput = Omit<DeactivationClaims, 'jti' | 'iat'> &
  Partial<Pick<DeactivationClaims, 'jti' | 'iat'>>;

export interface CreateDeactivationOptions {
  claims: DeactivationInput;
  /** The same device key that made the activation request. */
  device: DeviceKey;
  portalEncryptionJwk: JWK;
}

/**
 * Creates an armored deactivation file: the activation-request construction
 * with `typ: gatepass-deactivation` (DESIGN.md "The artifacts"). The portal
 * proves it came from the seat's machine by comparing the device key
 * thumbprint with the one recorded at activation.
 *
 * @example
 * const text = await createDeactivation({
 *   claims: { seat_id: license.seat_id, fingerprint, usage: { exports: 12 } },
 *   device,
 *   portalEncryptionJwk,
 * });
 */
export async function createDeactivation(options: CreateDeactivationOptions): Promise<string> {
  const claims: DeactivationClaims = assertClaims(
    deactivationClaimsSchema,
    { ...options.claims, jti: options.claims.jti ?? newJti(), iat: options.claims.iat ?? nowSeconds() },
    'deactivation',
  );
  return sealDeviceArtifact('deactivation', claims, options.device, options.portalEncryptionJwk);
}
