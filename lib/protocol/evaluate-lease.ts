import { DEFAULT_CLOCK_SKEW_SECONDS } from './internal/issued-at';
import type { LicenseClaims } from './types';

/** Where a lease stands at a given time (docs/PROTOCOL.md "Lease evaluation"). */
export type LeaseState = 'valid' | 'expiring' | 'grace' | 'expired' | 'clock-tampered';

/** Why a clock looks set back (DESIGN.md "Offline checks"). */
export type ClockTamperReason =
  /** The clock reads earlier than the file's `iat` (or `nbf`) by more than the skew. */
  | 'clock-before-issued'
  /** The clock reads earlier than the last time the SDK saw, by more than the skew. */
  | 'clock-before-last-seen';

export interface LeaseStatus {
  status: LeaseState;
  /** `exp`. */
  leaseEnd: Date;
  /** `exp + grace`. */
  graceEnd: Date;
  /** Whole days until `leaseEnd`, rounded down, never negative. */
  daysLeft: number;
  /** Seconds until `leaseEnd`, never negative. */
  secondsLeft: number;
  /** Set when `status` is 'clock-tampered'. */
  tamperReason?: ClockTamperReason;
}

export interface EvaluateLeaseOptions {
  now: Date;
  /** The latest time the SDK has seen on this machine. */
  lastSeen?: Date | null;
  /** Tolerated backward clock drift in seconds; default 300. */
  clockSkewSeconds?: number;
  /** How long before `exp` the lease counts as expiring; default {@link expiringWindowSeconds}. */
  expiringWithinSeconds?: number;
}

/** The longest default 'expiring' window: 7 days. */
const MAX_EXPIRING_WITHIN_SECONDS = 7 * 86_400;

/**
 * The default 'expiring' window scales with the lease: the smaller of 7 days and a fifth of
 * the file's lease (`exp − iat`), so a 3-day lease warns in its last 14.4 hours, not at once.
 *
 * @example
 * expiringWindowSeconds({ iat: 0, exp: 3 * 86_400 }); // 51_840
 */
export function expiringWindowSeconds(claims: Pick<LicenseClaims, 'iat' | 'exp'>): number {
  return Math.min(MAX_EXPIRING_WITHIN_SECONDS, Math.max(0, claims.exp - claims.iat) / 5);
}

/**
 * Pure time evaluation of a verified license (no I/O, no signature checks).
 * With t = now in seconds (fractions kept), skew s, window w (default min(7 days, (exp − iat) / 5)):
 *
 * - clock-tampered: t < max(iat, nbf) − s, or t < lastSeen − s;
 * - valid: t < exp − w;
 * - expiring: exp − w ≤ t < exp;
 * - grace: exp ≤ t < exp + grace (empty when grace is 0);
 * - expired: t ≥ exp + grace.
 *
 * @example
 * const lease = evaluateLease(claims, { now: new Date(), lastSeen });
 * if (lease.status === 'expiring') notify(`${lease.daysLeft} days left`);
 */
export function evaluateLease(claims: LicenseClaims, options: EvaluateLeaseOptions): LeaseStatus {
  const t = options.now.getTime() / 1000;
  const skew = options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  const window = options.expiringWithinSeconds ?? expiringWindowSeconds(claims);
  const graceEndSeconds = claims.exp + claims.grace;
  const secondsLeft = Math.max(0, claims.exp - t);
  const base = {
    leaseEnd: new Date(claims.exp * 1000),
    graceEnd: new Date(graceEndSeconds * 1000),
    secondsLeft,
    daysLeft: Math.floor(secondsLeft / 86_400),
  };

  if (t < Math.max(claims.iat, claims.nbf) - skew) {
    return { ...base, status: 'clock-tampered', tamperReason: 'clock-before-issued' };
  }
  if (options.lastSeen && t < options.lastSeen.getTime() / 1000 - skew) {
    return { ...base, status: 'clock-tampered', tamperReason: 'clock-before-last-seen' };
  }
  if (t >= graceEndSeconds) return { ...base, status: 'expired' };
  if (t >= claims.exp) return { ...base, status: 'grace' };
  if (t >= claims.exp - window) return { ...base, status: 'expiring' };
  return { ...base, status: 'valid' };
}
