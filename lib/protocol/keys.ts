/**
 * Key generation and JWK helpers. Keys travel as JWK objects (RFC 7517) so the
 * portal can store them (encrypted) as JSON and other languages can read them.
 *
 * Key ids: `kid` is the RFC 7638 SHA-256 thumbprint of the public key,
 * base64url without padding. It is stable, needs no registry, and lets anyone
 * check that a `kid` matches its key (docs/PROTOCOL.md "Keys").
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JSONWebKeySet } from 'jose';
import { x25519PublicJwkSchema } from './internal/schemas';
import type { JWK, KeyPairJwk } from './types';

/** JWK members that only a private key has (RFC 7518 §6.2.2, §6.3.2; RFC 8037 §2). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

async function generate(
  alg: 'EdDSA' | 'ECDH-ES+A256KW',
  crv: 'Ed25519' | 'X25519',
  use: 'sig' | 'enc',
): Promise<KeyPairJwk> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { crv, extractable: true });
  const pub = await exportJWK(publicKey);
  const kid = await jwkThumbprint(pub);
  const base = { kty: 'OKP', crv, x: pub.x, kid, alg, use } satisfies JWK;
  const priv = await exportJWK(privateKey);
  return { kid, publicJwk: base, privateJwk: { ...base, d: priv.d } };
}

/**
 * Creates a vendor signing key pair: Ed25519 for JWS `EdDSA` (RFC 8037 §3.1),
 * `use: "sig"`, `kid` = RFC 7638 thumbprint.
 *
 * @example
 * const key = await generateSigningKeyPair();
 * key.publicJwk; // { kty: 'OKP', crv: 'Ed25519', x: '…', kid: key.kid, alg: 'EdDSA', use: 'sig' }
 */
export function generateSigningKeyPair(): Promise<KeyPairJwk> {
  return generate('EdDSA', 'Ed25519', 'sig');
}

/**
 * Creates the portal's encryption key pair: X25519 for JWE `ECDH-ES+A256KW`
 * (RFC 8037 §3.2), `use: "enc"`, `kid` = RFC 7638 thumbprint.
 *
 * @example
 * const key = await generateEncryptionKeyPair();
 * key.publicJwk.crv; // 'X25519'
 */
export function generateEncryptionKeyPair(): Promise<KeyPairJwk> {
  return generate('ECDH-ES+A256KW', 'X25519', 'enc');
}

/**
 * Creates a device key pair (Ed25519, like a signing key): the SDK makes one per
 * installation and signs requests and deactivations with it.
 *
 * @example
 * const device = await generateDeviceKeyPair();
 * await createActivationRequest({ claims, device, portalEncryptionJwk });
 */
export function generateDeviceKeyPair(): Promise<KeyPairJwk> {
  return generate('EdDSA', 'Ed25519', 'sig');
}

/**
 * RFC 7638 SHA-256 thumbprint of a JWK, base64url. Private members are ignored
 * by the thumbprint's definition, so a private JWK gives its public key's value.
 *
 * @example
 * await jwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' });
 * // 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k' (RFC 8037 Appendix A.3)
 */
export function jwkThumbprint(jwk: JWK): Promise<string> {
  return calculateJwkThumbprint(jwk, 'sha256');
}

/**
 * The public half of a JWK: drops every private member, keeps `kid`, `alg`, `use`.
 *
 * @example
 * toPublicJwk(key.privateJwk); // same as key.publicJwk
 */
export function toPublicJwk(jwk: JWK): JWK {
  const copy: Record<string, unknown> = { ...jwk };
  for (const member of PRIVATE_MEMBERS) delete copy[member];
  return copy as JWK;
}

/**
 * Builds the JWKS the portal publishes at `/.well-known/jwks.json` and SDK
 * builds embed (RFC 7517 §5): public keys only, each with its `kid`.
 *
 * @example
 * publicJwks([signingKey, retiredSigningKey, encryptionKey]);
 * // { keys: [{ kty: 'OKP', crv: 'Ed25519', kid: '…', use: 'sig', … }, …] }
 */
export function publicJwks(keys: Array<{ kid: string; publicJwk: JWK }>): JSONWebKeySet {
  return {
    keys: keys.map(({ kid, publicJwk }) => ({ ...toPublicJwk(publicJwk), kid }) as JSONWebKeySet['keys'][number]),
  };
}

/**
 * The portal's encryption key in a JWKS: the first X25519 public key with a
 * `kid` and `use: "enc"` (RFC 7517 §4.2). The portal publishes one current key.
 *
 * @example
 * const portalEncryptionJwk = findPortalEncryptionKey(EMBEDDED_JWKS);
 */
export function findPortalEncryptionKey(jwks: JSONWebKeySet): JWK | undefined {
  return jwks.keys.find((k) => k.use === 'enc' && x25519PublicJwkSchema.safeParse(k).success);
}
