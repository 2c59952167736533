import 'server-only';
import { findLicenseById } from '@/db/queries/licenses';
import { listSeatsOfLicense } from '@/db/queries/seats';
import { listLicenseFilesOfLicense, listAuditEventsOfLicense } from '@/db/queries/support-license-history';
import { listSupportNotesOfLicense } from '@/db/queries/support-notes';
import { listUsageRecordsOfLicense } from '@/db/queries/usage';
import type { AuditEvent, Seat } from '@/db/schema';
import type { LicenseFileKind } from '@/lib/core/enums';
import { unsealSecret } from '@/lib/instance/master-key';
import { fail, type Result } from '@/lib/core/result';
import { LICENSE_KEY_CONTEXT } from '@/lib/licensing/issue-licenses';
import { licenseUnusableFailure } from '@/lib/licensing/license-usable';
import { seatState, type SeatState } from '@/lib/licensing/license-view';

/** How much history the page shows; the full trail stays in the admin audit log. */
const FILES_SHOWN = 50;
const AUDIT_EVENTS_SHOWN = 100;

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
}

export interface IssuedFile {
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
  status: 'active' | 'suspended' | 'expired';
  /** Why no file can be issued now (suspended or expired), for the re-issue button. */
  unusableReason: string | null;
  suspendedReason: string | null;
  expiresAt: Date | null;
  createdAt: Date;
  customerName: string;
  customerEmail: string;
  product: { name: string; slug: string };
  plan: { name: string; slug: string; offlineTtlSeconds: number; graceSeconds: number; seatLimit: number };
  seatsUsed: number;
  seats: SupportSeat[];
  files: IssuedFile[];
  usage: { id: string; hostname: string; reportedAt: Date; counters: Record<string, number> }[];
  auditTrail: AuditEvent[];
  notes: { id: string; body: string; createdAt: Date; authorEmail: string; authorName: string }[];
}

/** One seat as the staff pages show it; `usable` is whether the license may be issued files now. */
export function seatOfLicense(seat: Seat, now: Date, usable: boolean): SupportSeat {
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
  };
}

/** The newest `limit` license files signed for a license, with the device and the issuer. */
export function issuedFilesOfLicense(licenseId: string, limit: number): IssuedFile[] {
  return listLicenseFilesOfLicense(licenseId, limit).map(({ file, hostname, issuedByLabel }) => ({
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
 * Everything the support console shows about one license (issue 6 "A license's page").
 * Reading changes nothing and writes no audit row.
 *
 * @example
 * const result = supportLicenseDetail(params.id);
 * if (!result.ok) notFound();
 */
export function supportLicenseDetail(licenseId: string, now = new Date()): Result<{ license: SupportLicenseDetail }> {
  const found = findLicenseById(licenseId);
  if (!found) return fail('ERR_LICENSE_NOT_FOUND', 'That license does not exist any more. Search again.');
  const { license, plan, product } = found;
  const unusable = licenseUnusableFailure(found, now);
  const seatRows = listSeatsOfLicense(license.id);
  const hostnames = new Map(seatRows.map((seat) => [seat.id, seat.hostname]));
  return {
    ok: true,
    license: {
      id: license.id,
      key: unsealSecret(license.keyEncrypted, LICENSE_KEY_CONTEXT),
      status: unusable?.code === 'ERR_LICENSE_SUSPENDED' ? 'suspended' : unusable ? 'expired' : 'active',
      unusableReason: unusable?.message ?? null,
      suspendedReason: license.suspendedReason,
      expiresAt: license.expiresAt,
      createdAt: license.createdAt,
      customerName: license.customerName,
      customerEmail: license.customerEmail,
      product: { name: product.name, slug: product.slug },
      plan: { name: plan.name, slug: plan.slug, offlineTtlSeconds: plan.offlineTtlSeconds, graceSeconds: plan.graceSeconds, seatLimit: plan.seatLimit },
      seatsUsed: seatRows.filter((seat) => seat.status === 'active').length,
      seats: seatRows.map((seat) => seatOfLicense(seat, now, !unusable)),
      files: issuedFilesOfLicense(license.id, FILES_SHOWN),
      usage: listUsageRecordsOfLicense(license.id).map((record) => ({
        id: record.id,
        hostname: hostnames.get(record.seatId) ?? '',
        reportedAt: record.reportedAt,
        counters: record.counters,
      })),
      auditTrail: listAuditEventsOfLicense(license.id, AUDIT_EVENTS_SHOWN),
      notes: listSupportNotesOfLicense(license.id).map(({ note, author }) => ({
        id: note.id,
        body: note.body,
        createdAt: note.createdAt,
        authorEmail: author.email,
        authorName: author.name,
      })),
    },
  };
}
