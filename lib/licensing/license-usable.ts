import type { LicenseWithPlan } from '@/db/queries/licenses';
import { fail, type Failure } from '@/lib/core/result';

/** A day as people read it in messages, independent of the server's locale: 2026-03-31. */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Why this license may not get a new license file at `now`, or null when it may
 * (DESIGN.md "The rules": check it is active and unexpired). Shared by activation,
 * refresh and re-issue so each refusal is worded once.
 */
export function licenseUnusableFailure({ license }: LicenseWithPlan, now: Date): Failure<'ERR_LICENSE_SUSPENDED' | 'ERR_LICENSE_EXPIRED'> | null {
  if (license.status === 'suspended') {
    const reason = license.suspendedReason ? ` (${license.suspendedReason})` : '';
    return fail('ERR_LICENSE_SUSPENDED', `This license is suspended${reason}. Contact your software vendor's support to have it reinstated.`);
  }
  if (license.expiresAt && license.expiresAt.getTime() <= now.getTime()) {
    return fail('ERR_LICENSE_EXPIRED', `This license expired on ${formatDay(license.expiresAt)}. Renew it with your software vendor, then try again.`);
  }
  return null;
}
