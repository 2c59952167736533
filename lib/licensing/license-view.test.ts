import { beforeAll, describe, expect, it } from 'vitest';
import { updateLicense } from '@/db/queries/licenses';
import { activate } from '@/lib/licensing/activate';
import { endUserActor } from '@/lib/core/actor';
import { deactivate } from '@/lib/licensing/deactivate';
import { DAY } from '@/lib/licensing/durations';
import { viewLicenseById, viewLicenseByKey } from '@/lib/licensing/license-view';
import { releaseSeat } from '@/lib/licensing/release-seat';
import { createTestLicense, makeMachine, setUpInstance } from '@/lib/testing/licensing-fixtures';

const actor = endUserActor('portal', '');
beforeAll(setUpInstance);

describe('viewLicenseByKey', () => {
  it('shows status, plan, seats used of the limit and each seat with its state', async () => {
    const license = await createTestLicense({ seats: 3, ttlSeconds: 30 * DAY, graceSeconds: 7 * DAY });
    const kept = await makeMachine('kept');
    const gone = await makeMachine('gone');
    const keptResult = await activate({ requestText: await kept.request(license), actor });
    const goneResult = await activate({ requestText: await gone.request(license), actor });
    if (!keptResult.ok || !goneResult.ok) throw new Error('activation failed');
    await deactivate({ deactivationText: await gone.deactivation(goneResult.seatId), actor });

    const result = await viewLicenseByKey(` ${license.key.toLowerCase()} `);
    if (!result.ok) throw new Error(result.message);
    const view = result.license;
    expect(view).toMatchObject({ status: 'active', seatsUsed: 1, seatLimit: 3, expiresAt: null, plan: { name: 'Test plan', seatLimit: 3 } });
    expect(view.maskedKey).toMatch(/^[0-9A-Z]{5}-•••••-•••••-•••••-[0-9A-Z]{5}$/);
    expect(view.seats.map((s) => [s.hostname, s.state, s.refreshable])).toEqual([
      ['kept', 'active', true],
      ['gone', 'deactivated', false],
    ]);

    // The same seat in grace, then lapsed, as time passes.
    const inGrace = await viewLicenseById(license.licenseId, new Date(Date.now() + 31 * DAY * 1000));
    const lapsed = await viewLicenseById(license.licenseId, new Date(Date.now() + 38 * DAY * 1000));
    expect(inGrace.ok && inGrace.license.seats[0]!.state).toBe('grace');
    expect(lapsed.ok && lapsed.license.seats[0]).toMatchObject({ state: 'lapsed', refreshable: true });
  });

  it('shows a suspended or expired license as such, with no seat refreshable', async () => {
    const license = await createTestLicense();
    await activate({ requestText: await (await makeMachine()).request(license), actor });
    await updateLicense(license.licenseId, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await viewLicenseByKey(license.key);
    expect(expired.ok && [expired.license.status, expired.license.seats[0]!.refreshable]).toEqual(['expired', false]);
    await updateLicense(license.licenseId, { status: 'suspended', suspendedReason: 'chargeback' });
    const suspended = await viewLicenseByKey(license.key);
    expect(suspended.ok && suspended.license).toMatchObject({ status: 'suspended', suspendedReason: 'chargeback' });
  });

  // docs/DECISIONS.md "What a key holder sees": the key is a bearer secret, so the view
  // it opens names no customer and repeats nothing support wrote.
  it('shows a key holder neither the customer nor why support released a seat', async () => {
    const license = await createTestLicense({ seats: 2, customerName: 'Initech Payroll Dept', customerEmail: 'bill.lumbergh@initech.example' });
    const lost = await activate({ requestText: await (await makeMachine('lost-laptop')).request(license), actor });
    if (!lost.ok) throw new Error(lost.message);
    const support = { type: 'user' as const, id: 'support-1', label: 'sam@vendor.example', ip: '' };
    expect((await releaseSeat({ licenseId: license.licenseId, seatId: lost.seatId, reason: 'Fired employee, laptop kept; HR ticket 4711' }, support)).ok).toBe(true);
    const result = await viewLicenseByKey(license.key);
    if (!result.ok) throw new Error(result.message);
    expect(result.license.seats[0]).toMatchObject({ hostname: 'lost-laptop', state: 'released' });
    const everything = JSON.stringify(result);
    for (const secret of ['Initech', 'lumbergh', 'HR ticket', 'Fired', 'sam@vendor.example']) expect(everything).not.toContain(secret);
  });

  it('refuses an unknown key with what to do', async () => {
    const result = await viewLicenseByKey('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE');
    expect(result).toMatchObject({ ok: false, code: 'ERR_LICENSE_NOT_FOUND' });
    expect(!result.ok && result.message).toMatch(/^No license matches this key\. Check it against your purchase email/);
  });
});
