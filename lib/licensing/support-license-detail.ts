import 'server-only';
import { findLicenseById } from '@/db/queries/licenses';
import { listLicenseFilesOfLicense, listAuditEventsOfLicense } from '@/db/queries/support-license-history';
import { listSupportNotesOfLicense } from '@/db/queries/support-notes';
import { listUsageRecordsOfLicense } from '@/db/queries/usage';
import { listBlocksOfLicense } from '@/db/queries/blocked-devices';
import { listFingerprintHistoryOfSeats } from '@/db/queries/seat-fingerprint-history';
import type { AuditEvent, Seat } from '@/db/schema';
import type { LicenseFileKind } from '@/lib/core/enums';
import { unsealSecret } from '@/lib/instance/master-key';
import { fail, type Result } from '@/lib/core/result';
import { LICENSE_KEY_CONTEXT } from '@/lib/licensing/issue-licenses';
import { maskLicenseKey } from '@/lib/licensing/license-key';
import type { LicenseState } from '@/lib/core/license-words';
import { licenseUnusableFailure } from '@/lib/licensing/license-usable';
import { seatsPageOfLicense, seatState, type SeatPageInfo, type SeatState } from '@/lib/licensing/license-view';

/** How much history the page shows; the full trail stays in the admin audit log. */
const FILES_SHOWN = 50;
const AUDIT_EVENTS_SHOWN = 100;
const USAGE_RECORDS_SHOWN = 100;

/** Which console shows a license: both show the same page, the admin's with its own controls. */
export type StaffArea = 'admin' | 'support';

/** The page of a license in a console, where a release returns to. */
export function staffLicensePath(area: StaffArea, licenseId: string): string {
  return `/${area}/licenses/${encodeURIComponent(licenseId)}`;
}

export interface SupportSeat {
  id: string;
  hostname: string;
  os: string;
  appVersion: string;
  fingerprint: string;
  state: SeatState;
  activatedAt: Date;
  lastIssuedAt: Date;
  leaseEndsAt: Date;
  graceEndsAt: Date;
  releasedAt: Date | null;
  releasedBy: string | null;
  releaseReason: string | null;
  /** Support may release it: it still holds a seat. */
  releasable: boolean;
  /** Support may re-issue its file: it holds a seat and the license is usable (DESIGN.md "Refresh"). */
  reissuable: boolean;
  /** Its device key or fingerprint is blocked on this license (issue 11). */
  blocked: boolean;
  /** Fingerprints it had before a re-bind to new hardware, oldest first. */
  earlierFingerprints: string[];
}

/** A device support blocked on the license, in force or lifted. */
export interface SupportBlockedDevice {
  id: string;
  seatId: string | null;
  hostname: string;
  fingerprint: string;
  reason: string;
  blockedAt: Date;
  blockedBy: string;
  unblockedAt: Date | null;
  unblockedBy: string | null;
}

interface IssuedFile {
  id: string;
  kind: LicenseFileKind;
  hostname: string;
  kid: string;
  issuedAt: Date;
  leaseEndsAt: Date;
  graceSeconds: number;
  /** The issuing staff member's email, or the recorded label (e.g. "end user via portal"). */
  issuedBy: string;
}

export interface SupportLicenseDetail {
  id: string;
  /** In full: support reads it back to customers who lost it. */
  key: string;
  /** The first and last groups only, for pages that show keys once (the admin's). */
  maskedKey: string;
  status: LicenseState;
  /** Why no file can be issued now (suspended or expired), for the re-issue button. */
  unusableReason: string | null;
  suspendedReason: string | null;
  expiresAt: Date | null;
  createdAt: Date;
  customerName: string;
  customerEmail: string;
  product: { name: string; slug: string };
  plan: { id: string; name: string; slug: string; offlineTtlSeconds: number; graceSeconds: number; seatLimit: number };
  seatsUsed: number;
  /** One page of the seats (50), live ones first. */
  seats: SupportSeat[];
  /** Which page of the seats this is, of how many: "Showing 1–50 of 20,000". */
  seatPage: SeatPageInfo;
  blockedDevices: SupportBlockedDevice[];
  files: IssuedFile[];
  usage: { id: string; hostname: string; reportedAt: Date; counters: Record<string, number> }[];
  auditTrail: AuditEvent[];
  notes: { id: string; body: string; createdAt: Date; authorEmail: string; authorName: string }[];
}

/** One seat as the staff pages show it; `usable` is whether the license may be issued files now. */
function seatOfLicense(seat: Seat, now: Date, usable: boolean, extra: { blocked: boolean; earlierFingerprints: string[] } = { blocked: false, earlierFingerprints: [] }): SupportSeat {
  return {
    id: seat.id,
    hostname: seat.hostname,
    os: seat.os,
    appVersion: seat.appVersion,
    fingerprint: seat.fingerprint,
    state: seatState(seat, now),
    activatedAt: seat.activatedAt,
    lastIssuedAt: seat.lastIssuedAt,
    leaseEndsAt: seat.leaseEndsAt,
    graceEndsAt: seat.graceEndsAt,
    releasedAt: seat.releasedAt,
    releasedBy: seat.releasedBy,
    releaseReason: seat.releaseReason,
    releasable: seat.status === 'active',
    reissuable: seat.status === 'active' && usable,
    ...extra,
  };
}

/** The newest `limit` license files signed for a license, with the device and the issuer. */
async function issuedFilesOfLicense(licenseId: string, limit: number): Promise<IssuedFile[]> {
  return (await listLicenseFilesOfLicense(licenseId, limit)).map(({ file, hostname, issuedByLabel }) => ({
    id: file.id,
    kind: file.kind,
    hostname,
    kid: file.kid,
    issuedAt: file.issuedAt,
    leaseEndsAt: file.leaseEndsAt,
    graceSeconds: file.graceSeconds,
    issuedBy: issuedByLabel,
  }));
}

/**
 * Everything the support console shows about one license (issue 6 "A license's page"),
 * with one page of its seats (pages count from 1). Reading changes nothing and writes
 * no audit row.
 *
 * @example
 * const result = await supportLicenseDetail(params.id, new Date(), seatsPage);
 * if (!result.ok) notFound();
 */
export async function supportLicenseDetail(licenseId: string, now = new Date(), seatsPage = 1): Promise<Result<{ license: SupportLicenseDetail }>> {
  const found = await findLicenseById(licenseId);
  if (!found) return fail('ERR_LICENSE_NOT_FOUND', 'That license does not exist any more. Search again.');
  const { license, plan, product } = found;
  const unusable = licenseUnusableFailure(found, now);
  const [seatPage, key, files, usageRecords, auditTrail, notes, blocks] = await Promise.all([
    seatsPageOfLicense(license.id, seatsPage),
    unsealSecret(license.keyEncrypted, LICENSE_KEY_CONTEXT),
    issuedFilesOfLicense(license.id, FILES_SHOWN),
    listUsageRecordsOfLicense(license.id, USAGE_RECORDS_SHOWN),
    listAuditEventsOfLicense(license.id, AUDIT_EVENTS_SHOWN),
    listSupportNotesOfLicense(license.id),
    listBlocksOfLicense(license.id),
  ]);
  const history = await listFingerprintHistoryOfSeats(seatPage.seats.map((seat) => seat.id));
  const inForce = blocks.filter((block) => !block.unblockedAt);
  const extraOf = (seat: Seat) => ({
    blocked: inForce.some((block) => block.deviceThumbprint === seat.deviceThumbprint || block.fingerprint === seat.fingerprint),
    earlierFingerprints: history.filter((row) => row.seatId === seat.id).map((row) => row.oldFingerprint),
  });
  const usage = usageRecords;
  return {
    ok: true,
    license: {
      id: license.id,
      key,
      maskedKey: maskLicenseKey(license.keyPrefix, license.keySuffix),
      status: unusable?.code === 'ERR_LICENSE_SUSPENDED' ? 'suspended' : unusable ? 'expired' : 'active',
      unusableReason: unusable?.message ?? null,
      suspendedReason: license.suspendedReason,
      expiresAt: license.expiresAt,
      createdAt: license.createdAt,
      customerName: license.customerName,
      customerEmail: license.customerEmail,
      product: { name: product.name, slug: product.slug },
      plan: { id: plan.id, name: plan.name, slug: plan.slug, offlineTtlSeconds: plan.offlineTtlSeconds, graceSeconds: plan.graceSeconds, seatLimit: plan.seatLimit },
      seatsUsed: license.seatsActive,
      seats: seatPage.seats.map((seat) => seatOfLicense(seat, now, !unusable, extraOf(seat))),
      seatPage: seatPage.info,
      blockedDevices: blocks.map(({ id, seatId, hostname, fingerprint, reason, blockedAt, blockedBy, unblockedAt, unblockedBy }) => ({
        id,
        seatId,
        hostname,
        fingerprint,
        reason,
        blockedAt,
        blockedBy,
        unblockedAt,
        unblockedBy,
      })),
      files,
      usage: usage.map((record) => ({
        id: record.id,
        hostname: record.hostname,
        reportedAt: record.reportedAt,
        counters: record.counters,
      })),
      auditTrail,
      notes: notes.map(({ note, author }) => ({
        id: note.id,
        body: note.body,
        createdAt: note.createdAt,
        authorEmail: author.email,
        authorName: author.name,
      })),
    },
  };
}

/** The hostname of each seat that reported usage: from the page shown, else read by id. */
