import { beforeAll, describe, expect, it } from 'vitest';
import { activate } from '@/lib/licensing/activate';
import { endUserActor, SYSTEM_ACTOR } from '@/lib/core/actor';
import { planPage, productPage } from '@/lib/licensing/admin-catalog-views';
import { adminLicenseDetail, adminLicensesPage, issuedBatchSummary } from '@/lib/licensing/admin-license-views';
import { suspendLicense } from '@/lib/licensing/license-admin';
import { criteriaOf } from '@/lib/licensing/search-licenses';
import { createTestLicense, makeMachine, setUpInstance } from '@/lib/testing/licensing-fixtures';

const portal = endUserActor('portal', '203.0.113.7');

beforeAll(async () => {
  await setUpInstance();
});

describe('adminLicenseDetail', () => {
  it('is undefined for an unknown license', () => {
    expect(adminLicenseDetail('no-such-license')).toBeUndefined();
  });

  it('shows the seats and the issued files with who issued them', async () => {
    const license = createTestLicense({ seats: 2, customerName: 'Ada' });
    const machine = await makeMachine('ada-laptop');
    const result = await activate({ requestText: await machine.request(license), actor: portal });
    if (!result.ok) throw new Error(result.message);
    const detail = adminLicenseDetail(license.licenseId)!;
    expect(detail.license.customerName).toBe('Ada');
    expect(detail.seatsUsed).toBe(1);
    expect(detail.seats.map((seat) => [seat.hostname, seat.state])).toEqual([['ada-laptop', 'active']]);
    expect(detail.files).toHaveLength(1);
    expect(detail.files[0]).toMatchObject({ kind: 'activation', hostname: 'ada-laptop', graceSeconds: detail.plan.graceSeconds });
    expect(detail.files[0]!.issuedBy).not.toBe('');
  });
});

describe('adminLicensesPage', () => {
  const page = { limit: 50, offset: 0 };
  const ids = (q: string, filters?: { status?: string; planId?: string }) => adminLicensesPage(criteriaOf(q, filters), page).rows.map((row) => row.license.id);

  it('finds by full key, by the last group, by customer name or email part, and filters by status and plan', () => {
    const a = createTestLicense({ customerName: 'Initech 100% Ltd', customerEmail: 'peter@initech.example' });
    const b = createTestLicense({ customerName: 'Globex', customerEmail: 'hank@globex.example' });

    expect(ids(a.key.toLowerCase())).toEqual([a.licenseId]);
    expect(ids(a.key.slice(-5))).toContain(a.licenseId);
    expect(ids('initech')).toEqual([a.licenseId]);
    expect(ids('100%')).toEqual([a.licenseId]);
    expect(ids('HANK@GLOBEX')).toEqual([b.licenseId]);
    expect(ids('nobody-at-all')).toEqual([]);
    expect(ids('', { planId: a.planId })).toEqual([a.licenseId]);

    suspendLicense({ licenseId: b.licenseId, reason: 'unpaid invoice' }, SYSTEM_ACTOR);
    expect(ids('', { status: 'suspended' })).toEqual([b.licenseId]);
    expect(ids('globex', { status: 'active' })).toEqual([]);
    expect(adminLicensesPage(criteriaOf('', { status: 'active' }), page).total).toBeGreaterThanOrEqual(1);
    const row = adminLicensesPage(criteriaOf('', { planId: b.planId }), page).rows[0];
    expect(row).toMatchObject({ license: { id: b.licenseId }, seatsUsed: 0, plan: { slug: expect.stringMatching(/^plan-/) } });
  });

  it('finds by a device hostname or the start of a fingerprint, with seats in use', async () => {
    const license = createTestLicense({ seats: 2, customerName: 'Umbrella' });
    const machine = await makeMachine('lab-scanner-12');
    const result = await activate({ requestText: await machine.request(license), actor: portal });
    if (!result.ok) throw new Error(result.message);

    expect(ids('LAB-SCANNER')).toEqual([license.licenseId]);
    expect(ids(machine.fingerprint.slice(0, 12))).toEqual([license.licenseId]);
    expect(ids('lab-scanner', { status: 'suspended' })).toEqual([]);
    expect(adminLicensesPage(criteriaOf('lab-scanner'), page).rows[0]).toMatchObject({ seatsUsed: 1, plan: { seatLimit: 2 } });
  });

  it('pages newest first without overlap', () => {
    const day = 24 * 60 * 60 * 1000;
    const issued = [3, 4, 2, 5, 1].map((daysAgo) => ({ daysAgo, ...createTestLicense({ customerEmail: `pager-${daysAgo}@example.com`, now: new Date(Date.now() - daysAgo * day) }) }));
    const newestFirst = [...issued].sort((x, y) => x.daysAgo - y.daysAgo).map((license) => license.licenseId);
    const criteria = criteriaOf('pager-');
    const first = adminLicensesPage(criteria, { limit: 3, offset: 0 });
    const second = adminLicensesPage(criteria, { limit: 3, offset: 3 });
    expect(first.total).toBe(5);
    expect(first.rows.map((row) => row.license.id)).toEqual(newestFirst.slice(0, 3));
    expect(second.rows.map((row) => row.license.id)).toEqual(newestFirst.slice(3));
  });
});

describe('catalog views', () => {
  it('count the licenses issued on each plan', () => {
    const license = createTestLicense();
    expect(planPage(license.planId)?.licenseCount).toBe(1);
    expect(productPage(license.productId)?.plans.map((plan) => plan.licenseCount)).toEqual([1]);
    expect(planPage('no-such-plan')).toBeUndefined();
  });

  it('summarise a freshly issued batch by slugs', () => {
    const license = createTestLicense({ customerName: 'Bo' });
    expect(issuedBatchSummary(license.licenseId)).toMatchObject({ product: license.productSlug, customerName: 'Bo', expiresAt: null });
  });
});
