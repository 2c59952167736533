import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '@/lib/core/actor';
import { adminLicensesPage } from '@/lib/licensing/admin-license-views';
import { issueLicenses } from '@/lib/licensing/issue-licenses';
import { suspendLicense } from '@/lib/licensing/license-admin';
import { criteriaOf, licenseOrderOf } from '@/lib/licensing/search-licenses';
import { createTestLicense, setUpInstance } from '@/lib/testing/licensing-fixtures';

// Issue 14: the admin license list sorts by created, customer, expiry and status, both
// ways, a page at a time (keyset on (value, id)), with ties and licenses that never expire.
const YEAR_2030 = new Date('2030-06-30T00:00:00Z');
const YEAR_2031 = new Date('2031-01-31T00:00:00Z');

interface Made {
  id: string;
  customer: string;
  expires: Date | null;
  status: 'active' | 'suspended';
  issued: number;
}

const made: Made[] = [];
let planId = '';

beforeAll(async () => {
  await setUpInstance();
  const first = await createTestLicense({ customerName: 'Mallory', expiresAt: YEAR_2031 });
  planId = first.planId;
  made.push({ id: first.licenseId, customer: 'mallory', expires: YEAR_2031, status: 'active', issued: 0 });
  // Ties on every column: same names in other cases, same expiry, no expiry, same status.
  const rows: [string, Date | null, number][] = [
    ['alice', YEAR_2030, 3],
    ['Alice', YEAR_2031, 1],
    ['bob', null, 2],
    ['', null, 1],
    ['Carol', YEAR_2030, 1],
    ['dave', null, 1],
  ];
  // One batch shares its creation time: a tie on `created`.
  for (const [batch, [customerName, expiresAt, count]] of rows.entries()) {
    const issued = await issueLicenses({ planId, customerName, expiresAt, count }, SYSTEM_ACTOR, new Date(Date.now() + (batch + 1) * 1000));
    if (!issued.ok) throw new Error(issued.message);
    for (const license of issued.licenses) made.push({ id: license.id, customer: customerName.toLowerCase(), expires: expiresAt, status: 'active', issued: batch + 1 });
  }
  for (const index of [2, 5, 8]) {
    await suspendLicense({ licenseId: made[index]!.id, reason: 'testing the order' }, SYSTEM_ACTOR);
    made[index]!.status = 'suspended';
  }
});

/** The order spelled out independently of the code under test: value, then id; no expiry is "later than any date". */
function expected(key: 'created' | 'customer' | 'expires' | 'status', direction: 'asc' | 'desc'): string[] {
  const value = (m: Made) => (key === 'created' ? m.issued : key === 'customer' ? m.customer : key === 'status' ? m.status : (m.expires?.getTime() ?? Infinity));
  const sorted = [...made].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x !== y) return x < y ? -1 : 1;
    return a.id < b.id ? -1 : 1;
  });
  const ids = sorted.map((m) => m.id);
  return direction === 'asc' ? ids : ids.reverse();
}

/** Every page forward by `next`, then every page back from the last by `previous`. */
async function walk(order: ReturnType<typeof licenseOrderOf>, limit: number, criteria = criteriaOf('', { planId })) {
  const forward: string[][] = [];
  let page = await adminLicensesPage(criteria, { limit, order });
  forward.push(page.rows.map((row) => row.license.id));
  while (page.next) {
    page = await adminLicensesPage(criteria, { limit, order, cursor: page.next });
    forward.push(page.rows.map((row) => row.license.id));
  }
  const backward: string[][] = [forward.at(-1)!];
  while (page.previous) {
    page = await adminLicensesPage(criteria, { limit, order, cursor: page.previous });
    backward.unshift(page.rows.map((row) => row.license.id));
  }
  return { forward, backward };
}

describe('the admin license list in every order', () => {
  for (const key of ['created', 'customer', 'expires', 'status'] as const) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`pages by ${key} ${direction}, ties broken by id, the same pages forward and back`, async () => {
        const { forward, backward } = await walk(licenseOrderOf(key, direction), 3);
        expect(forward.flat()).toEqual(expected(key, direction));
        expect(forward.slice(0, -1).every((rows) => rows.length === 3)).toBe(true);
        expect(backward).toEqual(forward);
      });
    }
  }

  it('orders the matches of a search the same way (the in-memory path)', async () => {
    const alices = made.filter((m) => m.customer === 'alice').map((m) => m.id);
    const { forward, backward } = await walk(licenseOrderOf('expires', 'desc'), 2, criteriaOf('alice', { planId }));
    expect(forward.flat()).toEqual(expected('expires', 'desc').filter((id) => alices.includes(id)));
    expect(backward).toEqual(forward);
  });

  it('starts again at the first page when a cursor comes from another order', async () => {
    const byCustomer = await adminLicensesPage(criteriaOf('', { planId }), { limit: 3, order: licenseOrderOf('customer', 'asc') });
    const byExpiry = await adminLicensesPage(criteriaOf('', { planId }), { limit: 3, order: licenseOrderOf('expires', 'asc'), cursor: byCustomer.next });
    expect(byExpiry.rows.map((row) => row.license.id)).toEqual(expected('expires', 'asc').slice(0, 3));
    expect(byExpiry.previous).toBeUndefined();
  });
});

describe('licenseOrderOf', () => {
  it('reads the sort parameters, with the direction people expect when none is given', () => {
    expect(licenseOrderOf(undefined, undefined)).toEqual({ key: 'created', direction: 'desc' });
    expect(licenseOrderOf('customer', undefined)).toEqual({ key: 'customer', direction: 'asc' });
    expect(licenseOrderOf('expires', 'desc')).toEqual({ key: 'expires', direction: 'desc' });
    expect(licenseOrderOf('price', 'sideways')).toEqual({ key: 'created', direction: 'desc' });
  });
});
