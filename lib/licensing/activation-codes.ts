import 'server-only';
import { listProducts } from '@/db/queries/catalog';
import { findLicensesByKeyHashPrefix } from '@/db/queries/licenses';
import { findSeatsByFingerprint } from '@/db/queries/seats';
import type { Result } from '@/lib/core/result';
import type { Actor } from '@/lib/core/actor';
import { requestDecryptionKeys } from '@/lib/instance/keys';
import { unsealSecret } from '@/lib/instance/master-key';
import { activate, LICENSE_NOT_FOUND, type Activation, type Opened } from '@/lib/licensing/activate';
import { deactivate, type Deactivation } from '@/lib/licensing/deactivate';
import { LICENSE_KEY_CONTEXT } from '@/lib/licensing/issue-licenses';
import { requestMaxAgeSeconds } from '@/lib/licensing/portal-config';
import { failureFromProtocolError } from '@/lib/licensing/protocol-failure';
import {
  checkCodeIssuedAt,
  codeDevicePublicJwk,
  codeDeviceThumbprint,
  codeSeatFingerprint,
  createResponseCode,
  deviceCodeNonce,
  portalKeyHint,
  ProtocolError,
  readDeviceCode,
  verifyDeviceCodeTag,
  type DeviceCode,
  type DeviceCodeKind,
  type KeyPairJwk,
} from '@/lib/protocol';

/** An activation from a request code: what a file activation answers, and the response code. */
export interface CodeActivation extends Activation {
  /** The response code in groups of five, for the person to type or scan on the machine. */
  responseCode: string;
}

export type CodeRedemption = ({ codeKind: 'request' } & CodeActivation) | ({ codeKind: 'deactivation' } & Deactivation);

interface CodeInput {
  codeText: string;
  actor: Actor;
  now?: Date;
}

/** Reads the code and finds the portal key it was made for (a retired key still answers). */
async function readCode(codeText: string, expected?: DeviceCodeKind): Promise<Result<{ code: DeviceCode; portalKey: KeyPairJwk }>> {
  let code: DeviceCode;
  try {
    code = readDeviceCode(codeText, expected);
  } catch (error) {
    return failureFromProtocolError(error);
  }
  const portalKey = (await requestDecryptionKeys()).find((key) => portalKeyHint(key.publicJwk) === code.portalKeyHint);
  if (!portalKey) return failureFromProtocolError(new ProtocolError('ERR_UNKNOWN_KEY', { kind: code.kind, asCode: true }));
  return { ok: true, code, portalKey };
}

/**
 * Activates a machine from its activation request code (docs/PROTOCOL.md "Activation
 * codes"): reads the code, finds the license by the 24-bit prefix of its key hash, and
 * tells candidates apart by the code's tag, which only the whole license key opens. The
 * request then goes through {@link activate} as an opened request: the same transaction,
 * seat rules, nonce rule, audit row and errors as a file. The answer adds the response code.
 *
 * @example
 * const result = await activateByCode({ codeText, actor: endUserActor('portal', ip) });
 * if (result.ok) show(result.responseCode);
 */
export async function activateByCode({ codeText, actor, now = new Date() }: CodeInput): Promise<Result<CodeActivation>> {
  const read = await readCode(codeText, 'request');
  if (!read.ok) return read;
  return activateReadCode(read.code, read.portalKey, actor, now);
}

async function activateReadCode(code: DeviceCode, portalKey: KeyPairJwk, actor: Actor, now: Date): Promise<Result<CodeActivation>> {
  try {
    checkCodeIssuedAt(code, { now, maxAgeSeconds: requestMaxAgeSeconds() });
  } catch (error) {
    return failureFromProtocolError(error);
  }
  const matched = await matchLicense(code, portalKey);
  if (!matched.ok) return matched;
  const opened: Opened = {
    claims: {
      license_key: matched.licenseKey,
      fingerprint: codeSeatFingerprint(code.devicePublicKey),
      product: matched.product,
      jti: deviceCodeNonce(code),
      iat: code.iat,
      device: {},
    },
    devicePublicJwk: codeDevicePublicJwk(code.devicePublicKey),
    deviceThumbprint: codeDeviceThumbprint(code.devicePublicKey),
  };
  const result = await activate({ opened, via: 'activation code', actor, now });
  if (!result.ok) return result;
  const responseCode = createResponseCode(code, {
    portalPrivateJwk: portalKey.privateJwk,
    product: result.product.slug,
    terms: { exp: Math.floor(result.leaseEndsAt.getTime() / 1000), grace: result.graceSeconds },
  });
  return { ...result, responseCode };
}

/**
 * The license a request code names: the candidate whose whole key (and product) makes the
 * code's tag. A tag made for another product of this portal is let through under that
 * product's slug, so {@link activate} refuses it in the words a file gets.
 */
async function matchLicense(code: DeviceCode, portalKey: KeyPairJwk): Promise<Result<{ licenseKey: string; product: string }>> {
  const candidates = await findLicensesByKeyHashPrefix(code.keyHashPrefix!);
  if (candidates.length === 0) return LICENSE_NOT_FOUND;
  let otherSlugs: string[] | undefined;
  for (const candidate of candidates) {
    const licenseKey = await unsealSecret(candidate.license.keyEncrypted, LICENSE_KEY_CONTEXT);
    const fits = (product: string) => verifyDeviceCodeTag(code, { portalPrivateJwk: portalKey.privateJwk, licenseKey, product });
    if (fits(candidate.product.slug)) return { ok: true, licenseKey, product: candidate.product.slug };
    otherSlugs ??= (await listProducts()).map((p) => p.slug);
    const other = otherSlugs.find((slug) => slug !== candidate.product.slug && fits(slug));
    if (other) return { ok: true, licenseKey, product: other };
  }
  return failureFromProtocolError(new ProtocolError('ERR_SIGNATURE_INVALID', { kind: 'request', asCode: true }));
}

/**
 * Frees a seat from the machine's deactivation code (DESIGN.md "Deactivation needs
 * proof"): the code's tag is the proof, since only the device's key (or the portal's)
 * makes it. The seat is found by the device key it names, then {@link deactivate} runs
 * as for a file: same transaction, nonce rule, audit row and answers.
 *
 * @example
 * const result = await deactivateByCode({ codeText, actor: endUserActor('API', ip) });
 */
export async function deactivateByCode({ codeText, actor, now = new Date() }: CodeInput): Promise<Result<Deactivation>> {
  const read = await readCode(codeText, 'deactivation');
  if (!read.ok) return read;
  return deactivateReadCode(read.code, read.portalKey, actor, now);
}

async function deactivateReadCode(code: DeviceCode, portalKey: KeyPairJwk, actor: Actor, now: Date): Promise<Result<Deactivation>> {
  if (!verifyDeviceCodeTag(code, { portalPrivateJwk: portalKey.privateJwk })) {
    return failureFromProtocolError(new ProtocolError('ERR_SIGNATURE_INVALID', { kind: 'deactivation', asCode: true }));
  }
  try {
    checkCodeIssuedAt(code, { now });
  } catch (error) {
    return failureFromProtocolError(error);
  }
  const fingerprint = codeSeatFingerprint(code.devicePublicKey);
  const [seat] = await findSeatsByFingerprint(fingerprint);
  return deactivate({
    opened: {
      // No seat: deactivate answers ERR_SEAT_NOT_FOUND in its own words.
      claims: { seat_id: seat?.id ?? '00000000-0000-0000-0000-000000000000', fingerprint, jti: deviceCodeNonce(code), iat: code.iat },
      devicePublicJwk: codeDevicePublicJwk(code.devicePublicKey),
      deviceThumbprint: codeDeviceThumbprint(code.devicePublicKey),
    },
    actor,
    now,
  });
}

/**
 * What the portal's `/code` page does with whatever was typed or scanned: a request code
 * activates, a deactivation code deactivates; anything else is refused in the words above.
 *
 * @example const result = await redeemCode({ codeText: '2ABCD-…', actor });
 */
export async function redeemCode({ codeText, actor, now = new Date() }: CodeInput): Promise<Result<CodeRedemption>> {
  const read = await readCode(codeText);
  if (!read.ok) return read;
  if (read.code.kind === 'request') {
    const activation = await activateReadCode(read.code, read.portalKey, actor, now);
    return activation.ok ? { ...activation, codeKind: 'request' as const } : activation;
  }
  const deactivation = await deactivateReadCode(read.code, read.portalKey, actor, now);
  return deactivation.ok ? { ...deactivation, codeKind: 'deactivation' as const } : deactivation;
}

/** True when a request body looks like a typed code rather than an armored file. */
export function looksLikeCode(text: string): boolean {
  return !text.includes('-----BEGIN') && /^[\s0-9A-Za-z\-.–—_]{20,160}$/.test(text.trim());
}
