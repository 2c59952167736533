import { describe, expect, it } from 'vitest';
import { countLicenses, listLicensesPage } from '@/db/queries/license-list';
import { parseLicenseQuery } from '@/lib/licensing/license-search';
import { suspendLicense } from '@/lib/licensing/license-admin';
import { hashLicenseKey } from '@/lib/licensing/license-key';
import { createTestLicense } from '@/lib/testing/licensing-fixtures';
import { SYSTEM_ACTOR } from '@/lib/licensing/actor';

const page = { limit: 50, offset: 0 };

describe('searching licenses', () => {
  it('reads a whole key as a hash look-up, one group as a key part, anything else as customer text', () => {
    expect(parseLicenseQuery('7kq2m-aaaaa-bbbbb-ccccc-9xw3t')).toEqual({ keyHash: hashLicenseKey('7KQ2M-AAAAA-BBBBB-CCCCC-9XW3T') });
    expect(parseLicenseQuery(' 9xw3t ')).toEqual({ keyGroup: '9XW3T', text: '9xw3t' });
    expect(parseLicenseQuery('Globex Corp', 'suspended')).toEqual({ text: 'Globex Corp', status: 'suspended' });
    expect(parseLicenseQuery('', 'bogus')).toEqual({});
  });

  it('finds by full key, by the last group, by customer name or email part, and filters by status', () => {
    const a = createTestLicense({ customerName: 'Initech 100% Ltd', customerEmail: 'peter@initech.example' });
    const b = createTestLicense({ customerName: 'Globex', customerEmail: 'hank@globex.example' });
    const ids = (q: string, status?: string) => listLicensesPage(parseLicenseQuery(q, status), page).map((row) => row.license.id);

    expect(ids(a.key.toLowerCase())).toEqual([a.licenseId]);
    expect(ids(a.key.slice(-5))).toContain(a.licenseId);
    expect(ids('initech')).toEqual([a.licenseId]);
    expect(ids('100%')).toEqual([a.licenseId]);
    expect(ids('HANK@GLOBEX')).toEqual([b.licenseId]);
    expect(ids('nobody-at-all')).toEqual([]);

    suspendLicense({ licenseId: b.licenseId, reason: 'unpaid invoice' }, SYSTEM_ACTOR);
    expect(ids('', 'suspended')).toEqual([b.licenseId]);
    expect(countLicenses(parseLicenseQuery('', 'active'))).toBeGreaterThanOrEqual(1);
    expect(listLicensesPage({}, page)[0]).toMatchObject({ activeSeats: 0, plan: { slug: expect.stringMatching(/^plan-/) } });
  });

  it('pages newest first without overlap', () => {
    for (let i = 0; i < 5; i++) createTestLicense({ customerEmail: `pager-${i}@example.com` });
    const filter = parseLicenseQuery('pager-');
    expect(countLicenses(filter)).toBe(5);
    const first = listLicensesPage(filter, { limit: 3, offset: 0 }).map((r) => r.license.id);
    const second = listLicensesPage(filter, { limit: 3, offset: 3 }).map((r) => r.license.id);
    expect(first).toHaveLength(3);
    expect(second).toHaveLength(2);
    expect(new Set([...first, ...second]).size).toBe(5);
  });
});
