import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '@/lib/core/actor';
import { activate } from '@/lib/licensing/activate';
import { endUserActor } from '@/lib/core/actor';
import { issueLicenses } from '@/lib/licensing/issue-licenses';
import { hashLicenseKey } from '@/lib/licensing/license-key';
import { criteriaOf, decodeCursor, encodeCursor, SEARCH_PAGE_SIZE, searchLicensesForSupport } from '@/lib/licensing/search-licenses';
import { createTestLicense, makeMachine, setUpInstance, type TestLicense } from '@/lib/testing/licensing-fixtures';

let license: TestLicense;
let fingerprint: string;

beforeAll(async () => {
  await setUpInstance();
  const base = await createTestLicense({ seats: 3 });
  const issued = await issueLicenses({ planId: base.planId, customerName: 'Margarethe Oduya', customerEmail: 'm.oduya@northwind.example' }, SYSTEM_ACTOR);
  if (!issued.ok) throw new Error(issued.message);
  license = { ...base, key: issued.licenses[0]!.key, licenseId: issued.licenses[0]!.id };
  const machine = await makeMachine('CAD-Station-07');
  fingerprint = machine.fingerprint;
  const activated = await activate({ requestText: await machine.request(license), actor: endUserActor('portal', '') });
  if (!activated.ok) throw new Error(activated.message);
});

const idsFor = async (query: string) => (await searchLicensesForSupport(query)).results.map((result) => result.id);

describe('searchLicensesForSupport', () => {
  it('finds a license by its full key in any case, with or without dashes', async () => {
    expect(await idsFor(license.key)).toEqual([license.licenseId]);
    expect(await idsFor(license.key.toLowerCase().replace(/-/g, ''))).toEqual([license.licenseId]);
    expect(await idsFor(` ${license.key.replace(/-/g, ' ')} `)).toEqual([license.licenseId]);
  });

  it('finds it by the first or the last group a customer reads out', async () => {
    const groups = license.key.split('-');
    expect(await idsFor(groups[0]!)).toContain(license.licenseId);
    expect(await idsFor(groups[4]!.toLowerCase())).toContain(license.licenseId);
    // A middle group is not stored in clear, so it does not match.
    expect(await idsFor(groups[2]!)).not.toContain(license.licenseId);
  });

  it('finds it by part of the customer name or email, ignoring case', async () => {
    expect(await idsFor('oduya')).toEqual([license.licenseId]);
    expect(await idsFor('NORTHWIND.example')).toEqual([license.licenseId]);
    expect(await idsFor('Margarethe Od')).toEqual([license.licenseId]);
  });

  it('finds it by a device hostname or the start of a fingerprint', async () => {
    expect(await idsFor('cad-station')).toEqual([license.licenseId]);
    expect(await idsFor(fingerprint.slice(0, 12))).toEqual([license.licenseId]);
    expect(await idsFor(fingerprint.slice(4, 16))).toEqual([]);
  });

  it('treats % and _ as plain characters', async () => {
    expect(await idsFor('%')).toEqual([]);
    expect(await idsFor('_')).toEqual([]);
  });

  it('shows the masked key, customer, product, plan, status and seats used', async () => {
    const [result] = (await searchLicensesForSupport('m.oduya@northwind.example')).results;
    const groups = license.key.split('-');
    expect(result).toMatchObject({
      id: license.licenseId,
      maskedKey: `${groups[0]}-•••••-•••••-•••••-${groups[4]}`,
      customerName: 'Margarethe Oduya',
      customerEmail: 'm.oduya@northwind.example',
      product: 'Test App',
      plan: 'Test plan',
      status: 'active',
      seatsUsed: 1,
      seatLimit: 3,
    });
  });

  it('pages the results with next and previous cursors', async () => {
    const base = await createTestLicense();
    const issued = await issueLicenses({ planId: base.planId, count: SEARCH_PAGE_SIZE + 5, customerEmail: 'bulk@pager.example' }, SYSTEM_ACTOR);
    if (!issued.ok) throw new Error(issued.message);
    const first = await searchLicensesForSupport('pager.example');
    expect(first).toMatchObject({ total: { n: SEARCH_PAGE_SIZE + 5, capped: false } });
    expect(first.previous).toBeUndefined();
    expect(first.results).toHaveLength(SEARCH_PAGE_SIZE);
    const second = await searchLicensesForSupport('pager.example', first.next);
    expect(second).toMatchObject({ total: { n: SEARCH_PAGE_SIZE + 5, capped: false } });
    expect(second.results).toHaveLength(5);
    expect(second.next).toBeUndefined();
    const all = new Set([...first.results, ...second.results].map((result) => result.id));
    expect(all).toEqual(new Set(issued.licenses.map((issuedLicense) => issuedLicense.id)));
    const back = await searchLicensesForSupport('pager.example', second.previous);
    expect(back.results.map((result) => result.id)).toEqual(first.results.map((result) => result.id));
    expect(back.previous).toBeUndefined();
    // A malformed cursor is the first page.
    expect((await searchLicensesForSupport('pager.example', 'not-a-cursor')).results.map((result) => result.id)).toEqual(first.results.map((result) => result.id));
  });
});

describe('encodeCursor and decodeCursor', () => {
  it('round-trip a position as a URL-safe string', () => {
    const id = '8f14e45f-ceea-467f-a0e6-4f3b2c1d0e9a';
    const positions = [
      { order: { key: 'created', direction: 'desc' }, at: { value: new Date('2026-11-25T10:00:00.123Z'), id } },
      { order: { key: 'expires', direction: 'asc' }, at: { value: null, id } },
      { order: { key: 'customer', direction: 'asc' }, at: { value: 'ada "lovelace" & co.', id } },
      { order: { key: 'status', direction: 'desc' }, at: { value: 'suspended', id } },
    ] as const;
    for (const direction of ['after', 'before'] as const) {
      for (const { order, at } of positions) {
        const text = encodeCursor({ direction, order, at });
        expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(decodeCursor(text)).toEqual({ direction, order, at });
      }
    }
  });

  it('read anything malformed as no cursor (the first page), never throwing', () => {
    const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    const json = (value: object) => b64(JSON.stringify({ d: 'a', k: 'created', o: 'desc', v: 12, i: 'id', ...value }));
    const malformed = [
      undefined, null, '', 'x', '!!!', b64('a.12.id'), b64('{'), json({ d: 'c' }), json({ k: 'price' }), json({ o: 'up' }), json({ i: '' }),
      json({ v: 'text' }), json({ v: null }), json({ k: 'customer', v: 12 }), json({ v: 1e17 }), json({ v: 1.5 }), 'A'.repeat(2000),
    ];
    for (const text of malformed) {
      expect(decodeCursor(text)).toBeUndefined();
    }
  });
});

describe('criteriaOf', () => {
  it('reads a full key as a hash look-up and one group as a group match', async () => {
    expect(criteriaOf('7kq2m-4d8xr-aaaaa-bbbbb-ccccc').keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(criteriaOf('7kq2m')).toMatchObject({ keyGroup: '7KQ2M', text: '7kq2m', fingerprintPrefix: '7kq2m' });
    expect(criteriaOf('jane doe')).toEqual({ text: 'jane doe' });
    expect(criteriaOf('   ')).toEqual({});
  });

  it('matches a whole key by hash and also as text, in any case', async () => {
    const text = '7kq2m-aaaaa-bbbbb-ccccc-9xw3t';
    expect(criteriaOf(text)).toEqual({ keyHash: hashLicenseKey('7KQ2M-AAAAA-BBBBB-CCCCC-9XW3T'), text, fingerprintPrefix: text });
    expect(criteriaOf(' 9xw3t ')).toEqual({ keyGroup: '9XW3T', text: '9xw3t', fingerprintPrefix: '9xw3t' });
  });

  it('adds a status and a plan filter, ignoring a status that does not exist', async () => {
    expect(criteriaOf('Globex Corp', { status: 'suspended' })).toEqual({ text: 'Globex Corp', status: 'suspended' });
    expect(criteriaOf('', { status: 'active', planId: 'plan-1' })).toEqual({ status: 'active', planId: 'plan-1' });
    expect(criteriaOf('', { status: 'bogus' })).toEqual({});
    expect(criteriaOf('', { status: '' })).toEqual({});
  });
});
