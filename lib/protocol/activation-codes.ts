/**
 * Air-gapped codes (docs/PROTOCOL.md "Activation codes"): an activation request code and
 * a deactivation code typed or scanned from the machine to the portal, and a response
 * code typed or scanned back. Built from standard primitives only: X25519 (RFC 7748)
 * between a device code key and the portal's request-encryption key, HKDF-SHA256
 * (RFC 5869), and HMAC-SHA256 (RFC 2104) truncated to 80 bits (NIST SP 800-107 §5.3.4).
 */
import crypto, { type KeyObject } from 'node:crypto';
import { bigIntToBytes, bytesToBigInt, CODE_GROUP_DATA, CROCKFORD_ALPHABET, formatCode, normalizeCodeText, packBits, parseCode, unpackBits } from './code-format';
import { ProtocolError } from './errors';
import { checkIssuedAt, type FreshnessOptions } from './internal/issued-at';
import { compactLicenseKey } from './license-key-format';
import type { ArtifactKind, JWK } from './types';

/** Codes count time from here, in minutes (25 bits last until 2088). */
export const CODE_EPOCH_SECONDS = Date.UTC(2025, 0, 1) / 1000;
/** The longest lease and grace a response code can say: 2^20 − 1 minutes (about 728 days). */
export const CODE_MAX_MINUTES = 2 ** 20 - 1;

const TAG_BITS = 80;
const VERSION = 0n;
const KIND_BITS: Record<DeviceCodeKind, bigint> = { request: 1n, deactivation: 2n };

/** Field widths in bits, in order (docs/PROTOCOL.md "Activation codes", the layouts). */
const LAYOUT = {
  request: { header: 4, hint: 6, device: 255, key: 24, iat: 25, nonce: 6 },
  deactivation: { header: 4, hint: 6, device: 255, iat: 25, nonce: 6 },
} as const;
const RESPONSE_LAYOUT = { lease: 20, grace: 20 } as const;

export type DeviceCodeKind = 'request' | 'deactivation';

/** Groups of each code: request 20 (100 characters), deactivation 19 (95), response 6 (30). */
export const CODE_GROUPS = {
  request: groupsFor(sum(LAYOUT.request) + TAG_BITS),
  deactivation: groupsFor(sum(LAYOUT.deactivation) + TAG_BITS),
  response: groupsFor(sum(RESPONSE_LAYOUT) + TAG_BITS),
} as const;

function sum(layout: Record<string, number>): number {
  return Object.values(layout).reduce((a, b) => a + b, 0);
}
function groupsFor(bits: number): number {
  return Math.ceil(bits / 5 / CODE_GROUP_DATA);
}

/** A request or deactivation code, read back (its tag not yet checked). */
export interface DeviceCode {
  kind: DeviceCodeKind;
  /** First 6 bits of SHA-256 of the portal's raw X25519 key: which portal key it was made for. */
  portalKeyHint: number;
  /** The device code key's raw X25519 public key (RFC 7748 §5, u-coordinate, 32 bytes). */
  devicePublicKey: Uint8Array;
  /** Request only: the first 6 hex digits of the license key's SHA-256 (the portal's key_hash). */
  keyHashPrefix?: string;
  /** Seconds since the Unix epoch, whole minutes. */
  iat: number;
  nonce: number;
  tag: Uint8Array;
  /** The packed fields before the tag: what the tag covers. */
  body: Uint8Array;
  /** The code as printed (groups and dashes). */
  text: string;
}

// --- keys -------------------------------------------------------------------

const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

function x25519PrivateKey(raw: Uint8Array): KeyObject {
  return crypto.createPrivateKey({ key: Buffer.concat([X25519_PKCS8_PREFIX, raw]), format: 'der', type: 'pkcs8' });
}

function rawPublic(key: KeyObject): Uint8Array {
  return Buffer.from(crypto.createPublicKey(key).export({ format: 'jwk' }).x!, 'base64url');
}

function publicKeyObject(raw: Uint8Array): KeyObject {
  return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: b64url(raw) }, format: 'jwk' });
}

/** A device's code key: X25519, derived from its Ed25519 device key and this machine's fingerprint. */
export interface CodeDeviceKey {
  privateKey: KeyObject;
  publicKey: Uint8Array;
}

/**
 * The device's X25519 code key: HKDF-SHA256(IKM = the Ed25519 device key's private seed,
 * salt = `gatepass/code-device-key/v1`, info = the fingerprint). The same installation on
 * the same machine always gets the same key; a state directory copied to another machine
 * (another fingerprint) gets another one, so responses made for the first refuse there.
 *
 * @example const key = deriveCodeDeviceKey(device.privateJwk, fingerprint);
 */
export function deriveCodeDeviceKey(devicePrivateJwk: JWK, fingerprint: string): CodeDeviceKey {
  if (devicePrivateJwk.kty !== 'OKP' || devicePrivateJwk.crv !== 'Ed25519' || typeof devicePrivateJwk.d !== 'string') {
    throw new TypeError('devicePrivateJwk must be an Ed25519 private JWK');
  }
  const raw = new Uint8Array(crypto.hkdfSync('sha256', Buffer.from(devicePrivateJwk.d, 'base64url'), 'gatepass/code-device-key/v1', fingerprint, 32));
  const privateKey = x25519PrivateKey(raw);
  return { privateKey, publicKey: rawPublic(privateKey) };
}

function portalRaw(jwk: JWK): Uint8Array {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'X25519' || typeof jwk.x !== 'string') throw new TypeError('the portal key must be an X25519 JWK');
  return Buffer.from(jwk.x, 'base64url');
}

/**
 * Which portal key a code was made for: the first 6 bits of SHA-256 of its raw X25519 key.
 *
 * @example portalKeyHint(portalEncryptionJwk) // 0..63
 */
export function portalKeyHint(portalJwk: JWK): number {
  return crypto.createHash('sha256').update(portalRaw(portalJwk)).digest()[0]! >> 2;
}

/**
 * The fingerprint a code-activated seat is recorded under: `code:` and the RFC 7638
 * thumbprint of the device's X25519 code key (docs/PROTOCOL.md "Seats of code activations").
 */
export function codeSeatFingerprint(devicePublicKey: Uint8Array): string {
  return `code:${codeDeviceThumbprint(devicePublicKey)}`;
}

/** RFC 7638 SHA-256 thumbprint of `{ crv: X25519, kty: OKP, x }`. */
export function codeDeviceThumbprint(devicePublicKey: Uint8Array): string {
  const canonical = `{"crv":"X25519","kty":"OKP","x":"${b64url(devicePublicKey)}"}`;
  return crypto.createHash('sha256').update(canonical).digest('base64url');
}

/** The device code key as a public JWK (what the seat records as the device key). */
export function codeDevicePublicJwk(devicePublicKey: Uint8Array): JWK {
  return { kty: 'OKP', crv: 'X25519', x: b64url(devicePublicKey) };
}

// --- the shared key and the tags -------------------------------------------

type Label = 'request' | 'response' | 'deactivation';

/**
 * K = HKDF-SHA256(IKM = X25519(device, portal) [‖ license key as compact text, for a
 * request], salt = `gatepass/code/v1`, info = label ‖ device key ‖ portal key, 32 bytes).
 */
function tagKey(label: Label, own: KeyObject, peer: Uint8Array, devicePublic: Uint8Array, portalPublic: Uint8Array, licenseKey?: string): Buffer {
  let shared: Buffer;
  try {
    shared = crypto.diffieHellman({ privateKey: own, publicKey: publicKeyObject(peer) });
  } catch {
    // RFC 7748 §6.1: an all-zero result (a small-order point) is refused.
    return Buffer.alloc(32);
  }
  const ikm = licenseKey === undefined ? shared : Buffer.concat([shared, Buffer.from(compactLicenseKey(licenseKey), 'utf8')]);
  const info = Buffer.concat([Buffer.from(`${label}\0`), devicePublic, portalPublic]);
  return Buffer.from(crypto.hkdfSync('sha256', ikm, 'gatepass/code/v1', info, 32));
}

function tag(key: Buffer, ...parts: Array<Uint8Array | string>): Uint8Array {
  const mac = crypto.createHmac('sha256', key);
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    mac.update(bigIntToBytes(BigInt(bytes.length), 2)).update(bytes);
  }
  return new Uint8Array(mac.digest().subarray(0, TAG_BITS / 8));
}

const sameTag = (a: Uint8Array, b: Uint8Array) => a.length === b.length && crypto.timingSafeEqual(a, b);

// --- device codes -------------------------------------------------------------

interface BodyFields {
  kind: DeviceCodeKind;
  portalKeyHint: number;
  devicePublicKey: Uint8Array;
  keyHashPrefix?: string;
  iat: number;
  nonce: number;
}

function bodyBits(f: BodyFields): Array<{ value: bigint; bits: number }> {
  const layout = LAYOUT[f.kind];
  const minutes = BigInt(Math.floor((f.iat - CODE_EPOCH_SECONDS) / 60));
  const fields: Array<{ value: bigint; bits: number }> = [
    { value: (VERSION << 2n) | KIND_BITS[f.kind], bits: layout.header },
    { value: BigInt(f.portalKeyHint), bits: layout.hint },
    { value: bytesToBigInt(Uint8Array.from(f.devicePublicKey).reverse()), bits: layout.device },
  ];
  if (f.kind === 'request') fields.push({ value: BigInt(`0x${f.keyHashPrefix!}`), bits: LAYOUT.request.key });
  fields.push({ value: minutes, bits: layout.iat }, { value: BigInt(f.nonce), bits: layout.nonce });
  return fields;
}

/** The body as bytes for the MAC: the bits left-aligned, zero-padded to whole bytes. */
function bodyBytes(fields: Array<{ value: bigint; bits: number }>): Uint8Array {
  const bits = fields.reduce((n, f) => n + f.bits, 0);
  const value = fields.reduce((acc, f) => (acc << BigInt(f.bits)) | f.value, 0n);
  const bytes = Math.ceil(bits / 8);
  return bigIntToBytes(value << BigInt(bytes * 8 - bits), bytes);
}

function printDeviceCode(fields: Array<{ value: bigint; bits: number }>, mac: Uint8Array): string {
  return formatCode(packBits([...fields, { value: bytesToBigInt(mac), bits: TAG_BITS }]));
}

export interface CreateDeviceCodeInput {
  /** The installation's Ed25519 device key (private JWK). */
  devicePrivateJwk: JWK;
  fingerprint: string;
  /** The portal's X25519 public key, from the embedded JWKS. */
  portalEncryptionJwk: JWK;
  now?: Date;
  /** 6 random bits by default; fixed only to reproduce test vectors. */
  nonce?: number;
}

function deviceFields(kind: DeviceCodeKind, input: CreateDeviceCodeInput, keyHashPrefix?: string) {
  const device = deriveCodeDeviceKey(input.devicePrivateJwk, input.fingerprint);
  const minutes = Math.floor(((input.now ?? new Date()).getTime() / 1000 - CODE_EPOCH_SECONDS) / 60);
  const body: BodyFields = {
    kind,
    portalKeyHint: portalKeyHint(input.portalEncryptionJwk),
    devicePublicKey: device.publicKey,
    keyHashPrefix,
    iat: CODE_EPOCH_SECONDS + minutes * 60,
    nonce: input.nonce ?? crypto.randomInt(64),
  };
  return { device, body, bits: bodyBits(body), portal: portalRaw(input.portalEncryptionJwk) };
}

/** The first 6 hex digits of SHA-256 of the license key in its compact form (as the portal stores key_hash). */
export function licenseKeyHashPrefix(licenseKey: string): string {
  return crypto.createHash('sha256').update(compactLicenseKey(licenseKey), 'utf8').digest('hex').slice(0, 6);
}

/**
 * Makes an activation request code: who asks (the device code key), for which license
 * (a 24-bit prefix of the key's hash, for look-up) and when, authenticated with a tag
 * that only the holder of the whole license key and the device key, or the portal, can make.
 *
 * @example
 * const code = createRequestCode({ devicePrivateJwk, fingerprint, portalEncryptionJwk, licenseKey, product: 'photo-pro' });
 * // '3MYW1-…': 20 groups of five
 */
export function createRequestCode(input: CreateDeviceCodeInput & { licenseKey: string; product: string }): string {
  const { device, bits, portal } = deviceFields('request', input, licenseKeyHashPrefix(input.licenseKey));
  const key = tagKey('request', device.privateKey, portal, device.publicKey, portal, input.licenseKey);
  return printDeviceCode(bits, tag(key, 'gatepass/request-code/v1', bodyBytes(bits), input.product));
}

/**
 * Makes a deactivation code: the device code key, a time and a nonce, authenticated with a
 * tag only this device (or the portal) can make: the proof that frees the seat.
 *
 * @example const code = createDeactivationCode({ devicePrivateJwk, fingerprint, portalEncryptionJwk });
 */
export function createDeactivationCode(input: CreateDeviceCodeInput): string {
  const { device, bits, portal } = deviceFields('deactivation', input);
  const key = tagKey('deactivation', device.privateKey, portal, device.publicKey, portal);
  return printDeviceCode(bits, tag(key, 'gatepass/deactivation-code/v1', bodyBytes(bits)));
}

/**
 * Reads a typed request or deactivation code, checking every group and the layout.
 *
 * @throws {ProtocolError} ERR_CODE_MISTYPED (naming the group), ERR_ARTIFACT_KIND (the other
 *   kind of code), ERR_ARTIFACT_MALFORMED (not a Gatepass code)
 * @example const code = readDeviceCode(typed, 'request');
 */
export function readDeviceCode(typed: string, expected?: DeviceCodeKind): DeviceCode {
  const text = normalizeCodeText(typed);
  const details = { kind: expected ?? 'request', asCode: true } as const;
  if (text.length === 0 || text.length > CODE_GROUPS.request * 5 + 10) throw new ProtocolError('ERR_ARTIFACT_MALFORMED', details);
  // The first character carries the version and the kind (it is never mistyped alone:
  // its group's check catches that, below).
  const first = CROCKFORD_ALPHABET.indexOf(text[0]!);
  const header = first < 0 ? -1 : first >> 1;
  const found: DeviceCodeKind | undefined = header === 1 ? 'request' : header === 2 ? 'deactivation' : undefined;
  if (text.length === CODE_GROUPS.response * 5 || !found) {
    if (text.length === CODE_GROUPS.response * 5) throw new ProtocolError('ERR_ARTIFACT_KIND', { ...details, foundKind: 'license' });
    // Not ours unless its groups check; a mistyped first group is named as such.
    parseCode(text, CODE_GROUPS[expected ?? 'request'], details);
    throw new ProtocolError('ERR_ARTIFACT_MALFORMED', details);
  }
  const values = parseCode(text, CODE_GROUPS[found], { kind: found, asCode: true });
  if (expected && found !== expected) throw new ProtocolError('ERR_ARTIFACT_KIND', { ...details, foundKind: found });
  const layout = LAYOUT[found];
  const widths = [...Object.values(layout), TAG_BITS];
  const fields = unpackBits(values, widths);
  if (!fields) throw new ProtocolError('ERR_ARTIFACT_MALFORMED', { kind: found, asCode: true });
  const [h, hint, device, ...rest] = fields as [bigint, bigint, bigint, ...bigint[]];
  if (h !== ((VERSION << 2n) | KIND_BITS[found])) throw new ProtocolError('ERR_ARTIFACT_MALFORMED', { kind: found, asCode: true });
  const keyPrefix = found === 'request' ? rest.shift()! : undefined;
  const [minutes, nonce, mac] = rest as [bigint, bigint, bigint];
  const body: BodyFields = {
    kind: found,
    portalKeyHint: Number(hint),
    devicePublicKey: bigIntToBytes(device, 32).reverse(),
    keyHashPrefix: keyPrefix === undefined ? undefined : keyPrefix.toString(16).padStart(6, '0'),
    iat: CODE_EPOCH_SECONDS + Number(minutes) * 60,
    nonce: Number(nonce),
  };
  return { ...body, tag: bigIntToBytes(mac, TAG_BITS / 8), body: bodyBytes(bodyBits(body)), text: formatCode(values) } as DeviceCode;
}

/**
 * The portal's check of a device code's tag, with its private key (and, for a request,
 * the license key and product it claims). False means: made for other values, or forged.
 *
 * @example if (!verifyDeviceCodeTag(code, { portalKey, licenseKey, product })) refuse();
 */
export function verifyDeviceCodeTag(code: DeviceCode, with_: { portalPrivateJwk: JWK; licenseKey?: string; product?: string }): boolean {
  const portal = portalRaw(with_.portalPrivateJwk);
  const own = crypto.createPrivateKey({ key: with_.portalPrivateJwk as crypto.JsonWebKeyInput['key'], format: 'jwk' });
  if (code.kind === 'request') {
    if (with_.licenseKey === undefined || with_.product === undefined) throw new TypeError('a request code is checked with the license key and product');
    const key = tagKey('request', own, code.devicePublicKey, code.devicePublicKey, portal, with_.licenseKey);
    return sameTag(code.tag, tag(key, 'gatepass/request-code/v1', code.body, with_.product));
  }
  const key = tagKey('deactivation', own, code.devicePublicKey, code.devicePublicKey, portal);
  return sameTag(code.tag, tag(key, 'gatepass/deactivation-code/v1', code.body));
}

/**
 * Checks a device code's time (docs/PROTOCOL.md "Freshness"): ERR_REQUEST_FROM_FUTURE,
 * ERR_REQUEST_EXPIRED, worded for codes.
 */
export function checkCodeIssuedAt(code: DeviceCode, options: FreshnessOptions): void {
  try {
    checkIssuedAt(code.iat, code.kind, options);
  } catch (error) {
    if (error instanceof ProtocolError) throw new ProtocolError(error.code, { kind: code.kind, asCode: true });
    throw error;
  }
}

/** A nonce for the portal's replay rule: one per code (its tag is unique to its body). */
export function deviceCodeNonce(code: DeviceCode): string {
  return `code-${code.kind === 'request' ? 'r' : 'd'}-${Buffer.from(code.tag).toString('hex')}`;
}

// --- response codes -------------------------------------------------------------

export interface ResponseTerms {
  /** Lease end, seconds since the epoch; the code keeps whole minutes after the request's `iat`. */
  exp: number;
  /** Grace after `exp`, seconds; the code keeps whole minutes. */
  grace: number;
}

function responseFields(request: DeviceCode, terms: ResponseTerms) {
  const lease = Math.max(0, Math.min(CODE_MAX_MINUTES, Math.floor((terms.exp - request.iat) / 60)));
  const grace = Math.max(0, Math.min(CODE_MAX_MINUTES, Math.floor(terms.grace / 60)));
  return { lease, grace };
}

function responseTag(key: Buffer, request: DeviceCode, product: string, lease: number, grace: number): Uint8Array {
  return tag(key, 'gatepass/response-code/v1', request.body, request.tag, product, bigIntToBytes(BigInt(lease), 3), bigIntToBytes(BigInt(grace), 3));
}

/**
 * The portal's answer to a verified request code: the lease in whole minutes after the
 * request's `iat`, the grace in minutes, and a tag over them and the whole request, which
 * only the portal and the requesting device can compute.
 *
 * @example const response = createResponseCode(request, { portalPrivateJwk, product, terms: { exp, grace } });
 */
export function createResponseCode(request: DeviceCode, input: { portalPrivateJwk: JWK; product: string; terms: ResponseTerms }): string {
  const own = crypto.createPrivateKey({ key: input.portalPrivateJwk as crypto.JsonWebKeyInput['key'], format: 'jwk' });
  const key = tagKey('response', own, request.devicePublicKey, request.devicePublicKey, portalRaw(input.portalPrivateJwk));
  const { lease, grace } = responseFields(request, input.terms);
  const mac = responseTag(key, request, input.product, lease, grace);
  return formatCode(packBits([{ value: BigInt(lease), bits: RESPONSE_LAYOUT.lease }, { value: BigInt(grace), bits: RESPONSE_LAYOUT.grace }, { value: bytesToBigInt(mac), bits: TAG_BITS }]));
}

/** What a verified response code grants, in seconds since the epoch. */
export interface OpenedResponseCode {
  iat: number;
  exp: number;
  grace: number;
  /** The response code as printed. */
  text: string;
}

/**
 * The device's offline check of a response code against the request code it made last
 * (DESIGN.md "Offline checks"): groups, then the tag with its own key and the portal's
 * public key. The tag covers the whole request, so a response to an earlier request or
 * for another machine (another device key or fingerprint) is refused.
 *
 * @throws {ProtocolError} ERR_CODE_MISTYPED, ERR_ARTIFACT_KIND, ERR_WRONG_DEVICE
 * @example const lease = openResponseCode(typed, { requestCode, devicePrivateJwk, fingerprint, portalEncryptionJwk, product });
 */
export function openResponseCode(
  typed: string,
  input: { requestCode: string; devicePrivateJwk: JWK; fingerprint: string; portalEncryptionJwk: JWK; product: string },
): OpenedResponseCode {
  const text = normalizeCodeText(typed);
  const details = { kind: 'license' as ArtifactKind, asCode: true };
  if (text.length === CODE_GROUPS.request * 5 || text.length === CODE_GROUPS.deactivation * 5) {
    throw new ProtocolError('ERR_ARTIFACT_KIND', { ...details, foundKind: text.length === CODE_GROUPS.request * 5 ? 'request' : 'deactivation' });
  }
  const values = parseCode(text, CODE_GROUPS.response, details);
  const fields = unpackBits(values, [RESPONSE_LAYOUT.lease, RESPONSE_LAYOUT.grace, TAG_BITS]);
  if (!fields) throw new ProtocolError('ERR_ARTIFACT_MALFORMED', details);
  const [lease, grace] = [Number(fields[0]), Number(fields[1])];
  const request = readDeviceCode(input.requestCode, 'request');
  const device = deriveCodeDeviceKey(input.devicePrivateJwk, input.fingerprint);
  const portal = portalRaw(input.portalEncryptionJwk);
  const key = tagKey('response', device.privateKey, portal, device.publicKey, portal);
  const expected = responseTag(key, request, input.product, lease, grace);
  if (!Buffer.from(device.publicKey).equals(Buffer.from(request.devicePublicKey)) || !sameTag(bigIntToBytes(fields[2]!, TAG_BITS / 8), expected)) {
    throw new ProtocolError('ERR_WRONG_DEVICE', details);
  }
  return { iat: request.iat, exp: request.iat + lease * 60, grace: grace * 60, text: formatCode(values) };
}
