/**
 * The shapes of Gatepass artifacts (see ../shared/DESIGN.md "The artifacts" and
 * docs/PROTOCOL.md). These types are the contract between the client SDK, the
 * portal and any third-party implementation: change them only with the docs.
 */
import type { JSONWebKeySet, JWK } from 'jose';

export type { JSONWebKeySet, JWK };

/** The kinds of armored artifact; the `typ` header names each one. */
export type ArtifactKind = 'request' | 'license' | 'deactivation' | 'revocations';

/** `typ` protected-header values (DESIGN.md: "every artifact's protected header has typ"). */
export const ARTIFACT_TYP = {
  request: 'gatepass-request',
  license: 'gatepass-license',
  deactivation: 'gatepass-deactivation',
  revocations: 'gatepass-revocations',
} as const satisfies Record<ArtifactKind, string>;

/** Armor labels: `-----BEGIN GATEPASS <LABEL>-----`. */
export const ARMOR_LABEL = {
  request: 'ACTIVATION REQUEST',
  license: 'LICENSE',
  deactivation: 'DEACTIVATION',
  revocations: 'REVOCATION LIST',
} as const satisfies Record<ArtifactKind, string>;

/** Upload cap applied before any parsing, in bytes of armored text. */
export const MAX_ARTIFACT_BYTES = 64 * 1024;

/**
 * Cap for what the portal issues and the SDK reads (license files carry a revocation list,
 * and a list of 10,000 entries is about 140 kB): never an upload to the portal.
 */
export const MAX_ISSUED_FILE_BYTES = 1024 * 1024;

/** What the device says about itself; shown to support, never trusted for security. */
export interface DeviceMetadata {
  hostname?: string;
  os?: string;
  app_version?: string;
}

/** Claims of the JWS inside an activation request. Times are seconds since the epoch. */
export interface ActivationRequestClaims {
  license_key: string;
  /** Opaque, at most 256 characters (DESIGN.md "Fixed details"). */
  fingerprint: string;
  /** Product slug. */
  product: string;
  /** Nonce: unique per request, refused when seen twice. */
  jti: string;
  iat: number;
  /** Requested lease length in seconds, capped by the plan's maximum. */
  requested_duration?: number;
  device?: DeviceMetadata;
  /**
   * A refresh of this seat only (the seat of the installed license): the portal renews it
   * or refuses, and never takes a new seat for this request.
   */
  seat_id?: string;
}

/** Claims of a license file (the JWS payload, or the plaintext of its inner JWE). */
export interface LicenseClaims {
  license_id: string;
  seat_id: string;
  /** Product slug. */
  product: string;
  /** Plan slug. */
  plan: string;
  fingerprint: string;
  /** RFC 7638 thumbprint of the device's Ed25519 public key. */
  device_thumbprint: string;
  features: string[];
  iat: number;
  nbf: number;
  /** Lease end. */
  exp: number;
  /** Seconds of grace after `exp`. */
  grace: number;
  jti: string;
}

/** Usage counters the device collected while offline, e.g. `{ "exports": 12 }`. */
export type UsageCounters = Record<string, number>;

/** Claims of the JWS inside a deactivation file. */
export interface DeactivationClaims {
  seat_id: string;
  fingerprint: string;
  jti: string;
  iat: number;
  usage?: UsageCounters;
}

/** A verified device-signed artifact, opened by the portal. */
export interface OpenedDeviceArtifact<C> {
  claims: C;
  /** The device's public key, taken from the inner JWS header. */
  devicePublicJwk: JWK;
  /** RFC 7638 SHA-256 thumbprint of `devicePublicJwk`. */
  deviceThumbprint: string;
}

/** A key pair as stored: JWKs, so they serialize and port to other languages. */
export interface KeyPairJwk {
  kid: string;
  publicJwk: JWK;
  privateJwk: JWK;
}
