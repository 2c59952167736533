/**
 * Freshness of device-made artifacts. The portal refuses old requests so that a
 * request found later cannot be replayed after its jti record is pruned, and
 * refuses requests from the future, which betray a wrong device clock.
 */
import { ProtocolError } from '../errors';
import type { ArtifactKind } from '../types';

/** Default tolerated clock difference between device and portal, in seconds. */
export const DEFAULT_CLOCK_SKEW_SECONDS = 300;

export interface FreshnessOptions {
  now?: Date;
  /** Oldest accepted age in seconds; omitted means no age limit. */
  maxAgeSeconds?: number;
  clockSkewSeconds?: number;
}

/**
 * Edges (docs/PROTOCOL.md "Freshness"): accepted while
 * `iat - skew <= now` and `now - iat <= maxAge`; both edges are inclusive.
 */
export function checkIssuedAt(iat: number, kind: ArtifactKind, options: FreshnessOptions): void {
  const now = (options.now ?? new Date()).getTime() / 1000;
  const skew = options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  if (iat - now > skew) throw new ProtocolError('ERR_REQUEST_FROM_FUTURE', { kind });
  if (options.maxAgeSeconds !== undefined && now - iat > options.maxAgeSeconds) {
    throw new ProtocolError('ERR_REQUEST_EXPIRED', { kind });
  }
}
