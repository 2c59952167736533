/**
 * The JSON the REST API answers with (docs/API.md): snake_case, times as ISO 8601.
 * One function per answer, so the API reference and the code say the same thing.
 */
import type { Activation } from '@/lib/licensing/activate';
import type { Deactivation } from '@/lib/licensing/deactivate';
import type { IssuedLicenseFile } from '@/lib/licensing/issued-license-file';
import type { LicenseView } from '@/lib/licensing/license-view';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function issuedFileBody(file: IssuedLicenseFile) {
  return {
    license_file: file.licenseFile,
    file_name: file.fileName,
    file_id: file.fileId,
    license_id: file.licenseId,
    seat_id: file.seatId,
    product: file.product,
    plan: file.plan,
    device: { hostname: file.device.hostname, os: file.device.os, app_version: file.device.appVersion },
    issued_at: iso(file.issuedAt),
    lease_end: iso(file.leaseEndsAt),
    grace_end: iso(file.graceEndsAt),
    grace_seconds: file.graceSeconds,
    lease_limited_by: file.limitedBy,
    seats_used: file.seatsUsed,
    seat_limit: file.seatLimit,
  };
}

export function activationBody(activation: Activation) {
  return { ...issuedFileBody(activation), refreshed: activation.refreshed, reclaimed_seat_id: activation.reclaimedSeatId ?? null };
}

export function deactivationBody(result: Deactivation) {
  return {
    seat_id: result.seatId,
    license_id: result.licenseId,
    product: result.product,
    hostname: result.hostname,
    already_deactivated: result.alreadyDeactivated,
    message: result.message,
    seats_used: result.seatsUsed,
    seat_limit: result.seatLimit,
    seats_free: result.seatsFree,
  };
}

export function licenseSeatsBody(license: LicenseView) {
  return {
    license: {
      license_id: license.id,
      masked_key: license.maskedKey,
      status: license.status,
      suspended_reason: license.suspendedReason,
      expires_at: iso(license.expiresAt),
      product: license.product,
      plan: {
        slug: license.plan.slug,
        name: license.plan.name,
        offline_ttl_seconds: license.plan.offlineTtlSeconds,
        grace_seconds: license.plan.graceSeconds,
        seat_limit: license.plan.seatLimit,
      },
      seats_used: license.seatsUsed,
      seat_limit: license.seatLimit,
    },
    seats: license.seats.map((seat) => ({
      seat_id: seat.id,
      hostname: seat.hostname,
      os: seat.os,
      app_version: seat.appVersion,
      state: seat.state,
      refreshable: seat.refreshable,
      activated_at: iso(seat.activatedAt),
      last_issued_at: iso(seat.lastIssuedAt),
      lease_end: iso(seat.leaseEndsAt),
      grace_end: iso(seat.graceEndsAt),
      released_at: iso(seat.releasedAt),
    })),
    // Seats come a page at a time (a site license may have tens of thousands): ?page=N.
    page: { number: license.seatPage.page, count: license.seatPage.pageCount, per_page: license.seatPage.perPage, total_seats: license.seatPage.total },
  };
}
