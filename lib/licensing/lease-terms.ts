/**
 * The lease a new license file gets (DESIGN.md "The rules", Lease end): the earliest
 * of now + the plan's offline TTL, now + the requested duration capped by the plan's
 * maximum, and the license's own expiry. Grace comes from the plan. Pure: no I/O.
 */

export interface LeasePolicy {
  offlineTtlSeconds: number;
  graceSeconds: number;
  /** The plan's cap on a requested duration; null means the offline TTL is the cap. */
  maxRequestedDurationSeconds: number | null;
}

export interface LeaseTermsInput {
  now: Date;
  plan: LeasePolicy;
  /** The license's expiry, or null for a perpetual license. */
  licenseExpiresAt: Date | null;
  /** What the device asked for (`requested_duration`), in seconds. */
  requestedDurationSeconds?: number | null;
}

/** Which of the three candidates decided the lease end. */
export type LeaseLimit = 'offline-ttl' | 'requested-duration' | 'license-expiry';

export interface LeaseTerms {
  /** `iat` and `nbf` of the file: now, in whole seconds. */
  issuedAt: Date;
  /** `exp`: the lease end. */
  leaseEndsAt: Date;
  graceSeconds: number;
  /** `exp + grace`. */
  graceEndsAt: Date;
  limitedBy: LeaseLimit;
}

const toSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
const fromSeconds = (seconds: number) => new Date(seconds * 1000);

/**
 * Computes the lease of a file issued at `now`. Ties go to the TTL, then the
 * requested duration, so `limitedBy` names the plan's rule whenever it suffices.
 *
 * @example
 * leaseTerms({ now, plan: { offlineTtlSeconds: 30 * DAY, graceSeconds: 7 * DAY, maxRequestedDurationSeconds: null },
 *              licenseExpiresAt: null, requestedDurationSeconds: 3 * DAY });
 * // { leaseEndsAt: now + 3 days, graceEndsAt: now + 10 days, limitedBy: 'requested-duration', … }
 */
export function leaseTerms({ now, plan, licenseExpiresAt, requestedDurationSeconds }: LeaseTermsInput): LeaseTerms {
  const t = toSeconds(now);
  const candidates: Array<{ end: number; limit: LeaseLimit }> = [{ end: t + plan.offlineTtlSeconds, limit: 'offline-ttl' }];
  if (requestedDurationSeconds != null && requestedDurationSeconds > 0) {
    const cap = plan.maxRequestedDurationSeconds ?? plan.offlineTtlSeconds;
    candidates.push({ end: t + Math.min(requestedDurationSeconds, cap), limit: 'requested-duration' });
  }
  if (licenseExpiresAt) candidates.push({ end: toSeconds(licenseExpiresAt), limit: 'license-expiry' });
  const earliest = candidates.reduce((best, next) => (next.end < best.end ? next : best));
  return {
    issuedAt: fromSeconds(t),
    leaseEndsAt: fromSeconds(earliest.end),
    graceSeconds: plan.graceSeconds,
    graceEndsAt: fromSeconds(earliest.end + plan.graceSeconds),
    limitedBy: earliest.limit,
  };
}
