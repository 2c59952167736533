import { parseClaims } from './internal/headers';
import { openDeviceArtifact } from './internal/device-artifact';
import { checkIssuedAt } from './internal/issued-at';
import { activationRequestClaimsSchema } from './internal/schemas';
import type { ActivationRequestClaims, KeyPairJwk, OpenedDeviceArtifact } from './types';

export interface OpenActivationRequestOptions {
  /** The portal's encryption key pairs (current and retired), found by the JWE `kid`. */
  decryptionKeys: ReadonlyArray<Pick<KeyPairJwk, 'kid' | 'privateJwk'>>;
  /** Defaults to the current time. */
  now?: Date;
  /** Oldest accepted request, in seconds since its `iat`. */
  maxAgeSeconds: number;
  /** Tolerated device clock lead, in seconds; default 300. */
  clockSkewSeconds?: number;
}

/**
 * Opens an uploaded activation request: size cap, armor, decrypt, verify the
 * device signature against the embedded key, validate claims, check freshness.
 * Replay detection is the caller's: store `claims.jti` and refuse it when seen again.
 *
 * @throws {ProtocolError} ERR_ARTIFACT_TOO_LARGE, ERR_ARTIFACT_MALFORMED, ERR_ARTIFACT_KIND,
 *   ERR_UNKNOWN_KEY, ERR_DECRYPT_FAILED, ERR_SIGNATURE_INVALID, ERR_CLAIMS_INVALID,
 *   ERR_REQUEST_EXPIRED, ERR_REQUEST_FROM_FUTURE
 * @example
 * const { claims, deviceThumbprint } = await openActivationRequest(uploadedText, {
 *   decryptionKeys: [portalEncryptionKey],
 *   maxAgeSeconds: 7 * 86_400,
 * });
 * if (await jtiSeen(claims.jti)) return refuse('ERR_REQUEST_REPLAYED');
 */
export async function openActivationRequest(
  text: string | Uint8Array,
  options: OpenActivationRequestOptions,
): Promise<OpenedDeviceArtifact<ActivationRequestClaims>> {
  const opened = await openDeviceArtifact('request', text, options.decryptionKeys);
  const claims: ActivationRequestClaims = parseClaims(activationRequestClaimsSchema, opened.payload, 'request');
  checkIssuedAt(claims.iat, 'request', options);
  return { claims, devicePublicJwk: opened.devicePublicJwk, deviceThumbprint: opened.deviceThumbprint };
}
