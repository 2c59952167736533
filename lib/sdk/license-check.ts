/**
 * The result of an offline license check, shaped for an application's UI.
 */
import type { ClockTamperReason, LeaseState, LicenseClaims } from '../protocol';
import type { GatepassErrorCode } from './errors';

export type LicenseCheckStatus = LeaseState | 'invalid' | 'not-activated';

export interface LicenseCheck {
  status: LicenseCheckStatus;
  /** True for 'valid', 'expiring' and 'grace': the application may run. */
  ok: boolean;
  /** Why the status is 'invalid' or 'not-activated'. */
  reason?: GatepassErrorCode;
  /** A sentence for the person at the machine, when `ok` is false or the lease is ending. */
  message?: string;
  tamperReason?: ClockTamperReason;
  leaseEnd?: Date;
  graceEnd?: Date;
  daysLeft?: number;
  /** Entitlements of the verified file; empty unless verified. Gate features on `ok` too. */
  features: string[];
  claims?: LicenseClaims;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The sentence shown for each lease status (the CLI prints the same words).
 *
 * @example
 * leaseMessage('expiring', leaseEnd, graceEnd, 3); // "The license lease ends in 3 days (2026-03-31). …"
 */
export function leaseMessage(status: LeaseState, leaseEnd: Date, graceEnd: Date, daysLeft: number): string | undefined {
  switch (status) {
    case 'valid':
      return undefined;
    case 'expiring':
      return `The license lease ends in ${daysLeft} day${daysLeft === 1 ? '' : 's'} (${day(leaseEnd)}). Refresh it at the activation portal.`;
    case 'grace':
      return `The license lease ended on ${day(leaseEnd)}; the application keeps working until ${day(graceEnd)}. Refresh it at the activation portal.`;
    case 'expired':
      return `The license lease ended on ${day(leaseEnd)}. Refresh it at the activation portal (create a new activation request on this machine).`;
    case 'clock-tampered':
      return "This computer's clock is set earlier than it was before. Set the correct date and time, then try again.";
  }
}
