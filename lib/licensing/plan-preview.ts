import { formatDuration } from '@/lib/licensing/durations';
import { leaseTerms } from '@/lib/licensing/lease-terms';

export interface PlanLeasePolicy {
  offlineTtlSeconds: number;
  graceSeconds: number;
}

export interface PlanLeasePreview {
  leaseEndsAt: Date;
  graceEndsAt: Date;
}

/**
 * What a plan means for a machine activated at `now` with no requested duration and
 * no license expiry: the lease ends after the offline TTL, then grace follows
 * (DESIGN.md "Lease end"). It asks the same `leaseTerms` that activation uses, with
 * only the plan's limits, so the form and the signed files never disagree.
 */
export function previewPlanLease(policy: PlanLeasePolicy, now: Date): PlanLeasePreview {
  const { leaseEndsAt, graceEndsAt } = leaseTerms({ now, plan: { ...policy, maxRequestedDurationSeconds: null }, licenseExpiresAt: null });
  return { leaseEndsAt, graceEndsAt };
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const DATE_TIME_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * The sentence the plan form shows: "A machine activated today works offline until
 * 24 Dec 2026, then 7 more days of grace."
 */
export function describePlanLease(policy: PlanLeasePolicy, now: Date): string {
  const { leaseEndsAt } = previewPlanLease(policy, now);
  const format = policy.offlineTtlSeconds < 2 * 86_400 ? DATE_TIME_FORMAT : DATE_FORMAT;
  const [amount, unit] = formatDuration(policy.graceSeconds).split(' ');
  const grace = policy.graceSeconds === 0 ? 'with no grace period after it' : `then ${amount} more ${unit} of grace`;
  return `A machine activated today works offline until ${format.format(leaseEndsAt)}, ${grace}.`;
}
