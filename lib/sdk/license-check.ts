/**
 * The result of an offline license check, shaped for an application's UI.
 */
import type { ClockTamperReason, LeaseState, LicenseClaims } from '../protocol';
import type { GatepassErrorCode } from './errors';

export type LicenseCheckStatus = LeaseState | 'revoked' | 'invalid' | 'not-activated';

/** What a revocation list named: this license (suspended), or this device (blocked). */
export type RevokedBy = 'license' | 'device';

export interface LicenseCheck {
  status: LicenseCheckStatus;
  /** True for 'valid', 'expiring' and 'grace': the application may run. */
  ok: boolean;
  /** Why the status is 'invalid' or 'not-activated'. */
  reason?: GatepassErrorCode;
  /** A sentence for the person at the machine, when `ok` is false or the lease is ending. */
  message?: string;
  tamperReason?: ClockTamperReason;
  /** For 'revoked': what the installed revocation list names. */
  revokedBy?: RevokedBy;
  leaseEnd?: Date;
  graceEnd?: Date;
  daysLeft?: number;
  /** Seconds until `leaseEnd`, never negative. */
  secondsLeft?: number;
  /** Entitlements of the verified file; empty unless verified. Gate features on `ok` too. */
  features: string[];
  claims?: LicenseClaims;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * Time left as people read it: days and hours from two days on, hours (and minutes)
 * below, never "0 days" while time is left.
 *
 * @example
 * remainingTime(2.99 * 86_400); // "2 days 23 hours"
 * remainingTime(5 * 3_600 + 120); // "5 hours 2 minutes"
 */
export function remainingTime(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  if (hours >= 48) {
    const rest = hours % 24;
    return rest ? `${plural(Math.floor(hours / 24), 'day')} ${plural(rest, 'hour')}` : plural(Math.floor(hours / 24), 'day');
  }
  if (hours >= 1) return minutes % 60 ? `${plural(hours, 'hour')} ${plural(minutes % 60, 'minute')}` : plural(hours, 'hour');
  if (minutes >= 1) return plural(minutes, 'minute');
  return 'less than a minute';
}

/**
 * The sentence shown for each lease status (the CLI prints the same words and adds how).
 *
 * @example
 * leaseMessage({ status: 'expiring', leaseEnd, graceEnd, secondsLeft: 3 * 86_400 }); // "The license lease ends in 3 days (2026-03-31). …"
 */
export function leaseMessage(lease: { status: LeaseState; leaseEnd: Date; graceEnd: Date; secondsLeft: number; tamperReason?: ClockTamperReason; issuedAt?: Date }): string | undefined {
  const { leaseEnd, graceEnd } = lease;
  switch (lease.status) {
    case 'valid':
      return undefined;
    case 'expiring':
      return `The license lease ends in ${remainingTime(lease.secondsLeft)} (${leaseEnd.toISOString().slice(0, 16).replace('T', ' ')} UTC). Refresh it at the activation portal.`;
    case 'grace':
      return `The license lease ended on ${day(leaseEnd)}; the application keeps working until ${day(graceEnd)}. Refresh it at the activation portal.`;
    case 'expired':
      return `The license lease ended on ${day(leaseEnd)}. Refresh it at the activation portal (create a new activation request on this machine).`;
    case 'clock-tampered':
      return lease.tamperReason === 'clock-before-issued'
        ? `This computer's clock is set earlier than the time the license file was issued${lease.issuedAt ? ` (${lease.issuedAt.toISOString()})` : ''}. Set the correct date and time, then try again.`
        : "This computer's clock is set earlier than it was before. Set the correct date and time; if it is correct already, refresh the license at the activation portal: a new file carries the portal's time and clears this state.";
  }
}

/** The sentence for a license or device a revocation list names. */
export function revokedMessage(by: RevokedBy): string {
  return by === 'device'
    ? "This machine was blocked for this license (reported lost or stolen), so the application does not run here. If it is yours, contact your software vendor's support."
    : "This license was suspended or revoked by your software vendor, so the application does not run. Contact your software vendor's support.";
}
