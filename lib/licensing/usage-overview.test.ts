import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { writeTransaction } from '@/db/client';
import { endActiveSeat, insertActiveSeat } from '@/db/queries/seats';
import { DAY } from '@/lib/licensing/durations';
import { createTestLicense } from '@/lib/testing/licensing-fixtures';
import { dailySeries, overviewDaysOf, usageOverview } from '@/lib/licensing/usage-overview';

/** A seat taken at `activatedAt` (and deactivated by its machine at `deactivatedAt`), counted as activation counts it. */
async function seat(licenseId: string, activatedAt: Date, leaseEndsAt: Date, deactivatedAt?: Date) {
  const id = crypto.randomUUID();
  await writeTransaction(async (tx) => {
    await insertActiveSeat(
      {
        id,
        licenseId,
        fingerprint: crypto.randomUUID(),
        devicePublicJwk: {},
        deviceThumbprint: 't',
        status: 'active',
        activatedAt,
        lastIssuedAt: activatedAt,
        leaseEndsAt,
        graceEndsAt: leaseEndsAt,
      },
      tx,
    );
    if (deactivatedAt) await endActiveSeat(id, { status: 'deactivated', releasedAt: deactivatedAt, releaseReason: 'deactivated by its machine', releasedBy: 'end user via portal' }, tx);
  });
}

describe('the usage overview', () => {
  const now = new Date('2026-11-25T15:00:00Z');
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY * 1000);

  it('builds 30 UTC days ending today, filling empty days with zero', async () => {
    const series = dailySeries(now, 30, new Map([['2026-11-25', 2]]), new Map([['2026-10-27', 1]]));
    expect(series).toHaveLength(30);
    expect(series[0]).toEqual({ day: '2026-10-27', activations: 0, deactivations: 1 });
    expect(series[29]).toEqual({ day: '2026-11-25', activations: 2, deactivations: 0 });
  });

  it('counts seats in use, activations and deactivations per day, and licenses near expiry', async () => {
    const soon = await createTestLicense({ expiresAt: daysAgo(-10), now: daysAgo(1) });
    const later = await createTestLicense({ expiresAt: daysAgo(-60), now: daysAgo(1) });
    await seat(soon.licenseId, daysAgo(0), daysAgo(-30));
    await seat(soon.licenseId, daysAgo(2), daysAgo(-1), daysAgo(1));
    await seat(later.licenseId, daysAgo(40), daysAgo(35)); // lapsed, and activated before the window

    const overview = await usageOverview(now);
    expect(overview.seats).toEqual({ active: 2, lapsed: { n: 1, capped: false } });
    expect(overview.licenses).toEqual({ active: { n: 2, capped: false }, suspended: { n: 0, capped: false } });
    expect(overview.totals).toEqual({ activations: 2, deactivations: 1 });
    expect(overview.series.find((d) => d.day === '2026-11-25')).toMatchObject({ activations: 1 });
    expect(overview.series.find((d) => d.day === '2026-11-23')).toMatchObject({ activations: 1 });
    expect(overview.series.find((d) => d.day === '2026-11-24')).toMatchObject({ deactivations: 1 });
    expect(overview.nearExpiry.map((row) => row.license.id)).toEqual([soon.licenseId]);

    // A shorter range counts only its own days; a longer one reaches the older seat.
    const week = await usageOverview(now, 7);
    expect(week.series).toHaveLength(7);
    expect(week.series[0]!.day).toBe('2026-11-19');
    expect(week.totals).toEqual({ activations: 2, deactivations: 1 });
    const quarter = await usageOverview(now, 90);
    expect(quarter.series).toHaveLength(90);
    expect(quarter.totals).toEqual({ activations: 3, deactivations: 1 });
  });

  it('reads the range parameter, and anything else as 30 days', () => {
    expect([overviewDaysOf('7'), overviewDaysOf('90'), overviewDaysOf(undefined), overviewDaysOf('365'), overviewDaysOf('7.0')]).toEqual([7, 90, 30, 30, 30]);
  });
});
