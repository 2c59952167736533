import { beforeAll, describe, expect, it } from 'vitest';
import { activate } from '@/lib/licensing/activate';
import { endUserActor, SYSTEM_ACTOR } from '@/lib/core/actor';
import { planPage, productPage } from '@/lib/licensing/admin-catalog-views';
import { adminLicensesPage, issuedBatchSummary } from '@/lib/licensing/admin-license-views';
import { suspendLicense } from '@/lib/licensing/license-admin';
import { criteriaOf } from '@/lib/licensing/search-licenses';
import { createTestLicense, makeMachine, setUpInstance } from '@/lib/testing/licensing-fixtures';

const portal = endUserActor('portal', '203.0.113.7');

beforeAll(async () => {
  await setUpInstance();
});

describe('adminLicensesPage', () => {
  const page = { limit: 50 };
  const ids = async (q: string, filters?: { status?: string; planId?: string }) => (await adminLicensesPage(criteriaOf(q, filters), page)).rows.map((row) => row.license.id);

  it('finds by full key, by the last group, by customer name or email part, and filters by status and plan', async () => {
    const a = await createTestLicense({ customerName: 'Initech 100% Ltd', customerEmail: 'peter@initech.example' });
    const b = await createTestLicense({ customerName: 'Globex', customerEmail: 'hank@globex.example' });

    expect(await ids(a.key.toLowerCase())).toEqual([a.licenseId]);
    expect(await ids(a.key.slice(-5))).toContain(a.licenseId);
    expect(await ids('initech')).toEqual([a.licenseId]);
    expect(await ids('100%')).toEqual([a.licenseId]);
    expect(await ids('HANK@GLOBEX')).toEqual([b.licenseId]);
    expect(await ids('nobody-at-all')).toEqual([]);
    expect(await ids('', { planId: a.planId })).toEqual([a.licenseId]);

    await suspendLicense({ licenseId: b.licenseId, reason: 'unpaid invoice' }, SYSTEM_ACTOR);
    expect(await ids('', { status: 'suspended' })).toEqual([b.licenseId]);
    expect(await ids('globex', { status: 'active' })).toEqual([]);
    expect((await adminLicensesPage(criteriaOf('', { status: 'active' }), page)).total.n).toBeGreaterThanOrEqual(1);
    const row = (await adminLicensesPage(criteriaOf('', { planId: b.planId }), page)).rows[0];
    expect(row).toMatchObject({ license: { id: b.licenseId }, seatsUsed: 0, plan: { slug: expect.stringMatching(/^plan-/) } });
  });

  it('finds by a device hostname or the start of a fingerprint, with seats in use', async () => {
    const license = await createTestLicense({ seats: 2, customerName: 'Umbrella' });
    const machine = await makeMachine('lab-scanner-12');
    const result = await activate({ requestText: await machine.request(license), actor: portal });
    if (!result.ok) throw new Error(result.message);

    expect(await ids('LAB-SCANNER')).toEqual([license.licenseId]);
    expect(await ids(machine.fingerprint.slice(0, 12))).toEqual([license.licenseId]);
    expect(await ids('lab-scanner', { status: 'suspended' })).toEqual([]);
    expect((await adminLicensesPage(criteriaOf('lab-scanner'), page)).rows[0]).toMatchObject({ seatsUsed: 1, plan: { seatLimit: 2 } });
  });

  it('pages newest first without overlap, forwards with next and back with previous', async () => {
    const day = 24 * 60 * 60 * 1000;
    const issued = [];
    for (const daysAgo of [3, 4, 2, 5, 1]) {
      issued.push({ daysAgo, ...(await createTestLicense({ customerEmail: `pager-${daysAgo}@example.com`, now: new Date(Date.now() - daysAgo * day) })) });
    }
    const newestFirst = [...issued].sort((x, y) => x.daysAgo - y.daysAgo).map((license) => license.licenseId);
    const criteria = criteriaOf('pager-');
    const first = await adminLicensesPage(criteria, { limit: 3 });
    expect(first.total).toEqual({ n: 5, capped: false });
    expect(first.rows.map((row) => row.license.id)).toEqual(newestFirst.slice(0, 3));
    expect(first.previous).toBeUndefined();
    expect(first.next).toMatch(/^[A-Za-z0-9_-]+$/);

    const second = await adminLicensesPage(criteria, { limit: 3, cursor: first.next });
    expect(second.rows.map((row) => row.license.id)).toEqual(newestFirst.slice(3));
    expect(second.total).toEqual({ n: 5, capped: false });
    expect(second.next).toBeUndefined();
    expect(second.previous).toBeDefined();

    const back = await adminLicensesPage(criteria, { limit: 3, cursor: second.previous });
    expect(back.rows.map((row) => row.license.id)).toEqual(newestFirst.slice(0, 3));
    expect(back.previous).toBeUndefined();
    expect(back.next).toBeDefined();
    expect((await adminLicensesPage(criteria, { limit: 3, cursor: back.next })).rows.map((row) => row.license.id)).toEqual(newestFirst.slice(3));

    // A cursor that is not one of ours is the first page, never an error.
    for (const cursor of ['garbage', '', '%%%', Buffer.from('a.notanumber.x').toString('base64url')]) {
      expect((await adminLicensesPage(criteria, { limit: 3, cursor })).rows.map((row) => row.license.id)).toEqual(newestFirst.slice(0, 3));
    }
  });
});

describe('catalog views', () => {
  it('count the licenses issued on each plan', async () => {
    const license = await createTestLicense();
    expect((await planPage(license.planId))?.licenseCount).toEqual({ n: 1, capped: false });
    expect((await productPage(license.productId))?.plans.map((plan) => plan.licenseCount)).toEqual([{ n: 1, capped: false }]);
    expect(await planPage('no-such-plan')).toBeUndefined();
  });

  it('summarise a freshly issued batch by slugs', async () => {
    const license = await createTestLicense({ customerName: 'Bo' });
    expect(await issuedBatchSummary(license.licenseId)).toMatchObject({ product: license.productSlug, customerName: 'Bo', expiresAt: null });
  });
});
