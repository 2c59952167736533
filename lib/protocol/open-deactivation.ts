import { parseClaims } from './internal/headers';
import { openDeviceArtifact } from './internal/device-artifact';
import { checkIssuedAt } from './internal/issued-at';
import { deactivationClaimsSchema } from './internal/schemas';
import type { DeactivationClaims, KeyPairJwk, OpenedDeviceArtifact } from './types';

export interface OpenDeactivationOptions {
  decryptionKeys: ReadonlyArray<Pick<KeyPairJwk, 'kid' | 'privateJwk'>>;
  now?: Date;
  /** Omitted: no age limit (a machine may stay offline long after deactivating). */
  maxAgeSeconds?: number;
  clockSkewSeconds?: number;
}

/**
 * Opens an uploaded deactivation file. The caller must still compare
 * `deviceThumbprint` with the thumbprint recorded for `claims.seat_id`
 * (DESIGN.md "Deactivation needs proof") and dedupe on `claims.jti`.
 *
 * @throws {ProtocolError} as {@link openActivationRequest}
 * @example
 * const { claims, deviceThumbprint } = await openDeactivation(text, { decryptionKeys });
 * if (deviceThumbprint !== seat.device_thumbprint) return refuse('ERR_WRONG_DEVICE');
 */
export async function openDeactivation(
  text: string | Uint8Array,
  options: OpenDeactivationOptions,
): Promise<OpenedDeviceArtifact<DeactivationClaims>> {
  const opened = await openDeviceArtifact('deactivation', text, options.decryptionKeys);
  const claims: DeactivationClaims = parseClaims(deactivationClaimsSchema, opened.payload, 'deactivation');
  checkIssuedAt(claims.iat, 'deactivation', options);
  return { claims, devicePublicJwk: opened.devicePublicJwk, deviceThumbprint: opened.deviceThumbprint };
}
