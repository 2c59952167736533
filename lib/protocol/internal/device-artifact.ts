/**
 * The construction shared by activation requests and deactivation files
 * (DESIGN.md "The artifacts"): a JWS signed by the device's Ed25519 key, whose
 * public JWK rides in the JWS header (RFC 7515 §4.1.3), nested in a JWE to the
 * portal's X25519 key (RFC 7516, RFC 8037 §3.2; nesting per RFC 7519 §5.2).
 */
import { CompactEncrypt, CompactSign, compactDecrypt, compactVerify, importJWK } from 'jose';
import { importPrivateOkpKey } from './imported-keys';
import { armor, dearmor } from '../armor';
import { ProtocolError } from '../errors';
import { jwkThumbprint } from '../keys';
import { ARTIFACT_TYP, type JWK, type KeyPairJwk } from '../types';
import { readProtectedHeader } from './headers';
import { toProtocolError } from './jose-errors';
import { ed25519PublicJwkSchema, x25519PublicJwkSchema } from './schemas';

/** The device's key pair; `kid` is optional because only the public key travels. */
export type DeviceKey = Pick<KeyPairJwk, 'publicJwk' | 'privateJwk'> & { kid?: string };

export type DeviceArtifactKind = 'request' | 'deactivation';

/** Allow-lists (STYLE.md rule 3). */
const JWE_ALG = 'ECDH-ES+A256KW' as const;
const JWE_ENC = 'A256GCM' as const;
const JWS_ALG = 'EdDSA' as const;

const encoder = new TextEncoder();

function assertDeviceKey(device: DeviceKey): { kty: 'OKP'; crv: 'Ed25519'; x: string; d: string } {
  const { kty, crv, x, d } = device.privateJwk;
  if (kty !== 'OKP' || crv !== 'Ed25519' || typeof x !== 'string' || typeof d !== 'string') {
    throw new TypeError('device.privateJwk must be an Ed25519 private JWK (kty OKP, crv Ed25519, x, d)');
  }
  return { kty: 'OKP', crv: 'Ed25519', x, d };
}

/** Signs the claims with the device key, encrypts to the portal, armors. */
export async function sealDeviceArtifact(
  kind: DeviceArtifactKind,
  claims: object,
  device: DeviceKey,
  portalEncryptionJwk: JWK,
): Promise<string> {
  const typ = ARTIFACT_TYP[kind];
  const priv = assertDeviceKey(device);
  const portal = x25519PublicJwkSchema.safeParse(portalEncryptionJwk);
  if (!portal.success) {
    throw new TypeError('portalEncryptionJwk must be the portal X25519 public JWK with a kid');
  }
  // The header carries the public key derived from the private JWK itself, so
  // the embedded key and the signing key cannot disagree.
  const jwk = { kty: 'OKP', crv: 'Ed25519', x: priv.x };
  const jws = await new CompactSign(encoder.encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: JWS_ALG, typ, jwk })
    .sign(await importJWK(priv, JWS_ALG));
  const { kty, crv, x, kid } = portal.data;
  const jwe = await new CompactEncrypt(encoder.encode(jws))
    .setProtectedHeader({ alg: JWE_ALG, enc: JWE_ENC, typ, cty: 'JWT', kid })
    .encrypt(await importJWK({ kty, crv, x }, JWE_ALG));
  return armor(kind, jwe);
}

export interface OpenedDevicePayload {
  payload: Uint8Array;
  devicePublicJwk: JWK;
  deviceThumbprint: string;
}

/** Dearmors, decrypts with the portal key named by `kid`, verifies the inner JWS. */
export async function openDeviceArtifact(
  kind: DeviceArtifactKind,
  input: string | Uint8Array,
  decryptionKeys: ReadonlyArray<Pick<KeyPairJwk, 'kid' | 'privateJwk'>>,
): Promise<OpenedDevicePayload> {
  const compact = dearmor(input, kind);
  const outer = readProtectedHeader(compact, kind);
  if (outer.alg !== JWE_ALG || outer.enc !== JWE_ENC || typeof outer.kid !== 'string') {
    throw new ProtocolError('ERR_ARTIFACT_MALFORMED', { kind });
  }
  const portalKey = decryptionKeys.find((k) => k.kid === outer.kid);
  if (!portalKey) throw new ProtocolError('ERR_UNKNOWN_KEY', { kind });

  let inner: string;
  try {
    const key = await importPrivateOkpKey(portalKey.privateJwk, JWE_ALG);
    const { plaintext } = await compactDecrypt(compact, key, {
      keyManagementAlgorithms: [JWE_ALG],
      contentEncryptionAlgorithms: [JWE_ENC],
    });
    inner = new TextDecoder().decode(plaintext);
  } catch (error) {
    throw toProtocolError(error, kind, 'decrypt');
  }

  const header = readProtectedHeader(inner, kind);
  // RFC 8037 §2: only a public OKP Ed25519 key may sign a device artifact.
  const embedded = ed25519PublicJwkSchema.safeParse(header.jwk);
  if (header.alg !== JWS_ALG || !embedded.success) {
    throw new ProtocolError('ERR_SIGNATURE_INVALID', { kind });
  }
  const devicePublicJwk: JWK = { kty: 'OKP', crv: 'Ed25519', x: embedded.data.x };
  try {
    const { payload } = await compactVerify(inner, await importJWK(devicePublicJwk, JWS_ALG), {
      algorithms: [JWS_ALG],
    });
    return { payload, devicePublicJwk, deviceThumbprint: await jwkThumbprint(devicePublicJwk) };
  } catch (error) {
    throw toProtocolError(error, kind, 'verify');
  }
}
