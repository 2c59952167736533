import 'server-only';
import { currentRevocationList } from '@/lib/licensing/revocation-list';
import { timeOrderedId } from '@/lib/core/ids';
import type { Tx } from '@/db/client';
import { insertLicenseFile } from '@/db/queries/license-files';
import type { LicenseWithPlan } from '@/db/queries/licenses';
import type { Seat } from '@/db/schema';
import type { LicenseFileKind } from '@/lib/core/enums';
import { activeSigningKey } from '@/lib/instance/keys';
import { unsealSecret } from '@/lib/instance/master-key';
import type { Actor } from '@/lib/core/actor';
import { LICENSE_KEY_CONTEXT } from '@/lib/licensing/issue-licenses';
import type { LeaseLimit, LeaseTerms } from '@/lib/licensing/lease-terms';
import { signLicenseFile, type KeyPairJwk } from '@/lib/protocol';

/** What every surface shows after a license file was issued (activation, refresh, re-issue). */
export interface IssuedLicenseFile {
  /** The armored license file to hand to the user. */
  licenseFile: string;
  /** A download name a person recognizes: `<product>-<device>.lic`. */
  fileName: string;
  /** The file's `jti`, as recorded in license_files. */
  fileId: string;
  kind: LicenseFileKind;
  licenseId: string;
  seatId: string;
  product: { slug: string; name: string };
  plan: { slug: string; name: string };
  device: { hostname: string; os: string; appVersion: string };
  issuedAt: Date;
  leaseEndsAt: Date;
  graceEndsAt: Date;
  graceSeconds: number;
  limitedBy: LeaseLimit;
  seatsUsed: number;
  seatLimit: number;
}

/** Chosen before the transaction: the file's id and the key that will sign it. */
export interface PreparedLicenseFile {
  jti: string;
  signingKey: KeyPairJwk;
}

export async function prepareLicenseFile(): Promise<PreparedLicenseFile> {
  // Time-ordered, so files issued in the same second list newest first by id (db/dialect.ts insertedLastFirst).
  return { jti: timeOrderedId(), signingKey: await activeSigningKey() };
}

/** Everything the file needs, decided inside the transaction; signed after it commits. */
export type LicenseFileDraft = Omit<IssuedLicenseFile, 'licenseFile' | 'fileName'> & {
  fingerprint: string;
  deviceThumbprint: string;
  features: string[];
  encrypted: boolean;
  keyEncrypted: string;
};

/** Records the file in license_files (inside the caller's transaction) and returns its draft. */
export async function recordLicenseFile(
  tx: Tx,
  args: { prepared: PreparedLicenseFile; kind: LicenseFileKind; found: LicenseWithPlan; seat: Seat; terms: LeaseTerms; seatsUsed: number; actor: Actor },
): Promise<LicenseFileDraft> {
  const { prepared, kind, found, seat, terms, seatsUsed, actor } = args;
  await insertLicenseFile(
    {
      id: prepared.jti,
      seatId: seat.id,
      licenseId: found.license.id,
      kind,
      kid: prepared.signingKey.kid,
      encrypted: found.plan.encryptLicenseFiles,
      issuedAt: terms.issuedAt,
      leaseEndsAt: terms.leaseEndsAt,
      graceSeconds: terms.graceSeconds,
      issuedBy: actor.id ?? actor.label,
    },
    tx,
  );
  return {
    fileId: prepared.jti,
    kind,
    licenseId: found.license.id,
    seatId: seat.id,
    product: { slug: found.product.slug, name: found.product.name },
    plan: { slug: found.plan.slug, name: found.plan.name },
    device: { hostname: seat.hostname, os: seat.os, appVersion: seat.appVersion },
    issuedAt: terms.issuedAt,
    leaseEndsAt: terms.leaseEndsAt,
    graceEndsAt: terms.graceEndsAt,
    graceSeconds: terms.graceSeconds,
    limitedBy: terms.limitedBy,
    seatsUsed,
    seatLimit: found.plan.seatLimit,
    fingerprint: seat.fingerprint,
    deviceThumbprint: seat.deviceThumbprint,
    features: found.plan.features,
    encrypted: found.plan.encryptLicenseFiles,
    keyEncrypted: found.license.keyEncrypted,
  };
}

/** `acme-studio-build-box-7.lic`: product and device, safe on every file system. */
function licenseFileName(productSlug: string, hostname: string, seatId: string): string {
  const device = hostname.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  // The seat's id keeps two machines with the same name (two "vm"s) from downloading the same name.
  return `${productSlug}-${device ? `${device}-` : ''}${seatId.slice(0, 8)}.lic`;
}

/**
 * Signs the recorded file. An encrypted file's key is derived from the license key as
 * printed (DESIGN.md "Fixed details"), read back from its sealed copy: the SDK stores
 * the same printed form (canonicalLicenseKey), so activation, refresh and re-issue all
 * produce files the device can open, whatever spelling the user typed. An activation
 * passes `printedKey` instead: its request carries the key, whose hash found the license,
 * and every key is generated in printed form, so canonicalLicenseKey gives the same string
 * without opening the sealed copy on the hot path.
 */
export async function signDraft(draft: LicenseFileDraft, prepared: PreparedLicenseFile, printedKey?: string): Promise<IssuedLicenseFile> {
  const { fingerprint, deviceThumbprint, features, encrypted, keyEncrypted, ...shown } = draft;
  const iat = Math.floor(draft.issuedAt.getTime() / 1000);
  const licenseFile = await signLicenseFile({
    claims: {
      license_id: draft.licenseId,
      seat_id: draft.seatId,
      product: draft.product.slug,
      plan: draft.plan.slug,
      fingerprint,
      device_thumbprint: deviceThumbprint,
      features,
      iat,
      nbf: iat,
      exp: Math.floor(draft.leaseEndsAt.getTime() / 1000),
      grace: draft.graceSeconds,
      jti: prepared.jti,
    },
    signingKey: prepared.signingKey,
    encryptWith: encrypted ? { licenseKey: printedKey ?? (await unsealSecret(keyEncrypted, LICENSE_KEY_CONTEXT)) } : undefined,
  });
  // Every file carries the product's current revocation list after the license block, so a
  // list reaches offline machines by any file of the customer (issue 11).
  const revocations = await currentRevocationList(draft.product.slug);
  return { ...shown, licenseFile: `${licenseFile}${revocations.text}`, fileName: licenseFileName(draft.product.slug, draft.device.hostname, draft.seatId) };
}
