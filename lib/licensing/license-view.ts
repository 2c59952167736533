import 'server-only';
import { findLicenseById, findLicenseByKeyHash, type LicenseWithPlan } from '@/db/queries/licenses';
import { listSeatsOfLicense } from '@/db/queries/seats';
import type { Seat } from '@/db/schema';
import { fail, type Result } from '@/lib/licensing/errors';
import { hashLicenseKey, maskLicenseKey } from '@/lib/licensing/license-key';
import { LICENSE_KEY_NOT_FOUND_MESSAGE } from '@/lib/licensing/refresh-seat';

/**
 * Where a seat stands: `active` (lease running), `grace` (lease ended, grace running),
 * `lapsed` (grace ended; still held, refreshable, and another machine may take it when
 * the plan reclaims lapsed seats), `released` (by support or reclaimed), `deactivated`.
 */
export type SeatState = 'active' | 'grace' | 'lapsed' | 'released' | 'deactivated';

export interface SeatView {
  id: string;
  hostname: string;
  os: string;
  appVersion: string;
  state: SeatState;
  /** Whether a new license file may be issued for it (DESIGN.md "Refresh"). */
  refreshable: boolean;
  activatedAt: Date;
  lastIssuedAt: Date;
  leaseEndsAt: Date;
  graceEndsAt: Date;
  releasedAt: Date | null;
}

/**
 * A license as whoever holds its key sees it (docs/DECISIONS.md "What a key holder
 * sees"): no customer name or email, and no words support wrote about a release; the
 * key is a bearer secret that gets forwarded, pasted into tickets and leaked.
 */
export interface LicenseView {
  id: string;
  /** The key with its middle groups hidden. */
  maskedKey: string;
  status: 'active' | 'suspended' | 'expired';
  suspendedReason: string | null;
  expiresAt: Date | null;
  product: { slug: string; name: string };
  plan: { slug: string; name: string; offlineTtlSeconds: number; graceSeconds: number; seatLimit: number; features: string[] };
  seatsUsed: number;
  seatLimit: number;
  /** Live seats first, then the most recent released and deactivated ones. */
  seats: SeatView[];
}

/** How many freed seats a view shows; older history stays in the audit log. */
const FREED_SEATS_SHOWN = 20;

export function seatState(seat: Seat, now: Date): SeatState {
  if (seat.status !== 'active') return seat.status;
  if (seat.graceEndsAt.getTime() <= now.getTime()) return 'lapsed';
  if (seat.leaseEndsAt.getTime() <= now.getTime()) return 'grace';
  return 'active';
}

function toView(found: LicenseWithPlan, now: Date): LicenseView {
  const { license, plan, product } = found;
  const seats = listSeatsOfLicense(license.id);
  const live = seats.filter((s) => s.status === 'active');
  const freed = seats.filter((s) => s.status !== 'active').slice(0, FREED_SEATS_SHOWN);
  const expired = license.expiresAt !== null && license.expiresAt.getTime() <= now.getTime();
  const usable = license.status === 'active' && !expired;
  return {
    id: license.id,
    maskedKey: maskLicenseKey(license.keyPrefix, license.keySuffix),
    status: license.status === 'suspended' ? 'suspended' : expired ? 'expired' : 'active',
    suspendedReason: license.suspendedReason,
    expiresAt: license.expiresAt,
    product: { slug: product.slug, name: product.name },
    plan: { slug: plan.slug, name: plan.name, offlineTtlSeconds: plan.offlineTtlSeconds, graceSeconds: plan.graceSeconds, seatLimit: plan.seatLimit, features: plan.features },
    seatsUsed: live.length,
    seatLimit: plan.seatLimit,
    seats: [...live, ...freed].map((seat) => ({
      id: seat.id,
      hostname: seat.hostname,
      os: seat.os,
      appVersion: seat.appVersion,
      state: seatState(seat, now),
      refreshable: usable && seat.status === 'active',
      activatedAt: seat.activatedAt,
      lastIssuedAt: seat.lastIssuedAt,
      leaseEndsAt: seat.leaseEndsAt,
      graceEndsAt: seat.graceEndsAt,
      releasedAt: seat.releasedAt,
    })),
  };
}

/**
 * A license as its owner sees it, found by the key (the end user's only credential):
 * status, expiry, plan and seats. Reading changes nothing, so it writes no audit row.
 *
 * @example
 * const result = viewLicenseByKey('7KQ2M-4D8XR-…');
 * if (result.ok) render(result.license.seats);
 */
export function viewLicenseByKey(licenseKey: string, now = new Date()): Result<{ license: LicenseView }> {
  const found = findLicenseByKeyHash(hashLicenseKey(licenseKey));
  if (!found) return fail('ERR_LICENSE_NOT_FOUND', LICENSE_KEY_NOT_FOUND_MESSAGE);
  return { ok: true, license: toView(found, now) };
}

/** The same view by license id, for the support console. */
export function viewLicenseById(licenseId: string, now = new Date()): Result<{ license: LicenseView }> {
  const found = findLicenseById(licenseId);
  if (!found) return fail('ERR_LICENSE_NOT_FOUND', 'That license does not exist any more. Search again.');
  return { ok: true, license: toView(found, now) };
}
