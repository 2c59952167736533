import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '@/lib/licensing/durations';
import { leaseTerms, type LeasePolicy } from '@/lib/licensing/lease-terms';

const now = new Date('2026-03-01T12:00:00.750Z'); // fractions of a second are dropped
const t = Math.floor(now.getTime() / 1000);
const at = (seconds: number) => new Date(seconds * 1000);
const plan: LeasePolicy = { offlineTtlSeconds: 30 * DAY, graceSeconds: 7 * DAY, maxRequestedDurationSeconds: null };

describe('leaseTerms: lease end = earliest of TTL, requested duration (capped) and license expiry', () => {
  it('uses the offline TTL when nothing else is shorter, and adds the plan grace', () => {
    const terms = leaseTerms({ now, plan, licenseExpiresAt: null });
    expect(terms).toEqual({
      issuedAt: at(t),
      leaseEndsAt: at(t + 30 * DAY),
      graceSeconds: 7 * DAY,
      graceEndsAt: at(t + 37 * DAY),
      limitedBy: 'offline-ttl',
    });
  });

  it('uses a shorter requested duration', () => {
    const terms = leaseTerms({ now, plan, licenseExpiresAt: null, requestedDurationSeconds: 3 * DAY });
    expect(terms.leaseEndsAt).toEqual(at(t + 3 * DAY));
    expect(terms.limitedBy).toBe('requested-duration');
  });

  it('caps a longer requested duration at the TTL when the plan has no maximum', () => {
    const terms = leaseTerms({ now, plan, licenseExpiresAt: null, requestedDurationSeconds: 90 * DAY });
    expect(terms.leaseEndsAt).toEqual(at(t + 30 * DAY));
    expect(terms.limitedBy).toBe('offline-ttl');
  });

  it('caps the requested duration at the plan maximum when that is below the TTL', () => {
    const capped = { ...plan, maxRequestedDurationSeconds: 10 * DAY };
    expect(leaseTerms({ now, plan: capped, licenseExpiresAt: null, requestedDurationSeconds: 20 * DAY }).leaseEndsAt).toEqual(at(t + 10 * DAY));
    expect(leaseTerms({ now, plan: capped, licenseExpiresAt: null, requestedDurationSeconds: 10 * DAY - 1 }).leaseEndsAt).toEqual(at(t + 10 * DAY - 1));
  });

  it('never lets a plan maximum above the TTL lengthen the lease past the TTL', () => {
    const generous = { ...plan, maxRequestedDurationSeconds: 365 * DAY };
    expect(leaseTerms({ now, plan: generous, licenseExpiresAt: null, requestedDurationSeconds: 100 * DAY }).leaseEndsAt).toEqual(at(t + 30 * DAY));
  });

  it('stops at the license expiry when it comes first, one second either side of the TTL', () => {
    const justBefore = leaseTerms({ now, plan, licenseExpiresAt: at(t + 30 * DAY - 1) });
    expect(justBefore.leaseEndsAt).toEqual(at(t + 30 * DAY - 1));
    expect(justBefore.graceEndsAt).toEqual(at(t + 37 * DAY - 1));
    expect(justBefore.limitedBy).toBe('license-expiry');
    const justAfter = leaseTerms({ now, plan, licenseExpiresAt: at(t + 30 * DAY + 1) });
    expect(justAfter.leaseEndsAt).toEqual(at(t + 30 * DAY));
    expect(justAfter.limitedBy).toBe('offline-ttl');
  });

  it('picks the earliest of all three and names the TTL on a tie', () => {
    const all = leaseTerms({ now, plan, licenseExpiresAt: at(t + 2 * DAY), requestedDurationSeconds: 5 * DAY });
    expect(all.leaseEndsAt).toEqual(at(t + 2 * DAY));
    expect(all.limitedBy).toBe('license-expiry');
    const tie = leaseTerms({ now, plan, licenseExpiresAt: at(t + 30 * DAY), requestedDurationSeconds: 30 * DAY });
    expect(tie.limitedBy).toBe('offline-ttl');
  });

  it('ignores a zero or absent requested duration and allows zero grace', () => {
    const noGrace = { ...plan, offlineTtlSeconds: HOUR, graceSeconds: 0 };
    const terms = leaseTerms({ now, plan: noGrace, licenseExpiresAt: null, requestedDurationSeconds: 0 });
    expect(terms.leaseEndsAt).toEqual(at(t + HOUR));
    expect(terms.graceEndsAt).toEqual(terms.leaseEndsAt);
  });
});
