import { beforeAll, describe, expect, it } from 'vitest';
import { activate } from '@/lib/licensing/activate';
import { endUserActor } from '@/lib/licensing/actor';
import { planPage, productPage } from '@/lib/licensing/admin-catalog-views';
import { adminLicenseDetail, issuedBatchSummary } from '@/lib/licensing/admin-license-views';
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
