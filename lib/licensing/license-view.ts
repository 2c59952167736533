import 'server-only';
import { findLicenseById, findLicenseByKeyHash, type LicenseWithPlan } from '@/db/queries/licenses';
import { countSeatsOfLicense, listSeatsOfLicense } from '@/db/queries/seats';
import type { Seat } from '@/db/schema';
import { fail, type Result } from '@/lib/core/result';
import type { LicenseState } from '@/lib/core/license-words';
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
  status: LicenseState;
  suspendedReason: string | null;
  expiresAt: Date | null;
  product: { slug: string; name: string };
  plan: { slug: string; name: string; offlineTtlSeconds: number; graceSeconds: number; seatLimit: number; features: string[] };
  seatsUsed: number;
  seatLimit: number;
  /** One page of the seats: live seats first, then the most recent released and deactivated ones. */
  seats: SeatView[];
  /** Which page of the seats this is, of how many. */
  seatPage: SeatPageInfo;
}

/** How many seats one page of a license's seats shows. */
const SEATS_PER_PAGE = 50;

/** Where a page of a license's seats sits in the whole list, for "Showing 1–50 of 20,000". */
export interface SeatPageInfo {
  /** This page, counting from 1 (a page past the end shows the last one). */
  page: number;
  pageCount: number;
  perPage: number;
  /** Every seat the license ever had, live and freed. */
  total: number;
  /** Positions (from 1) of the first and last seat shown; both 0 when there is none. */
  from: number;
  to: number;
}

/**
 * One page of a license's seats, live ones first and newest first within each state
 * (a license may have tens of thousands), with where the page sits in the whole list.
 *
 * @example
 * const { seats, info } = await seatsPageOfLicense(licenseId, 2);
 * // info: { page: 2, from: 51, to: 100, total: 20000, … }
 */
export async function seatsPageOfLicense(licenseId: string, page = 1, perPage = SEATS_PER_PAGE): Promise<{ seats: Seat[]; info: SeatPageInfo }> {
  const total = await countSeatsOfLicense(licenseId);
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Number.isInteger(page) && page > 0 ? page : 1, pageCount);
  const offset = (current - 1) * perPage;
  const seats = total === 0 ? [] : await listSeatsOfLicense(licenseId, { limit: perPage, offset });
  return {
    seats,
    info: { page: current, pageCount, perPage, total, from: seats.length > 0 ? offset + 1 : 0, to: offset + seats.length },
  };
}

export function seatState(seat: Seat, now: Date): SeatState {
  if (seat.status !== 'active') return seat.status;
  if (seat.graceEndsAt.getTime() <= now.getTime()) return 'lapsed';
  if (seat.leaseEndsAt.getTime() <= now.getTime()) return 'grace';
  return 'active';
}

async function toView(found: LicenseWithPlan, now: Date, seatsPage: number): Promise<LicenseView> {
  const { license, plan, product } = found;
  const { seats, info } = await seatsPageOfLicense(license.id, seatsPage);
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
    seatsUsed: license.seatsActive,
    seatLimit: plan.seatLimit,
    seatPage: info,
    seats: seats.map((seat) => ({
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
 * status, expiry, plan and one page of seats ({@link SEATS_PER_PAGE}; pages count from 1).
 * Reading changes nothing, so it writes no audit row.
 *
 * @example
 * const result = await viewLicenseByKey('7KQ2M-4D8XR-…');
 * if (result.ok) render(result.license.seats);
 */
export async function viewLicenseByKey(licenseKey: string, now = new Date(), seatsPage = 1): Promise<Result<{ license: LicenseView }>> {
  const found = await findLicenseByKeyHash(hashLicenseKey(licenseKey));
  if (!found) return fail('ERR_LICENSE_NOT_FOUND', LICENSE_KEY_NOT_FOUND_MESSAGE);
  return { ok: true, license: await toView(found, now, seatsPage) };
}

/** The same view by license id, for the support console. */
export async function viewLicenseById(licenseId: string, now = new Date(), seatsPage = 1): Promise<Result<{ license: LicenseView }>> {
  const found = await findLicenseById(licenseId);
  if (!found) return fail('ERR_LICENSE_NOT_FOUND', 'That license does not exist any more. Search again.');
  return { ok: true, license: await toView(found, now, seatsPage) };
}
