import { describe, expect, it } from 'vitest';
import { countAuditEvents, listAuditEventsPage } from '@/db/queries/audit-log';
import { findLicenseById } from '@/db/queries/licenses';
import type { Actor } from '@/lib/core/actor';
import { SYSTEM_ACTOR } from '@/lib/core/actor';
import { createPlan, createProduct } from '@/lib/licensing/catalog';
import { DAY } from '@/lib/licensing/durations';
import { issueLicenses } from '@/lib/licensing/issue-licenses';
import { changeLicenseExpiry, reinstateLicense, suspendLicense } from '@/lib/licensing/license-admin';

const admin: Actor = { type: 'user', id: 'u1', label: 'admin@example.com', ip: '10.1.1.1' };
let n = 0;

async function newLicense(expiresAt: Date | null = null): Promise<string> {
  n += 1;
  const product = await createProduct({ slug: `lic-admin-${n}`, name: 'P' }, SYSTEM_ACTOR);
  if (!product.ok) throw new Error(product.message);
  const plan = await createPlan({ productId: product.product.id, slug: 'pp', name: 'P', offlineTtlSeconds: DAY, graceSeconds: 0, seatLimit: 1 }, SYSTEM_ACTOR);
  if (!plan.ok) throw new Error(plan.message);
  const issued = await issueLicenses({ planId: plan.plan.id, expiresAt }, SYSTEM_ACTOR, new Date('2026-01-01T00:00:00Z'));
  if (!issued.ok) throw new Error(issued.message);
  return issued.licenses[0]!.id;
}

describe('suspending and reinstating a license', () => {
  it('suspends with a reason, refuses a second suspension, reinstates, and audits both', async () => {
    const id = await newLicense();
    expect(await suspendLicense({ licenseId: id, reason: 'Chargeback on invoice 1042' }, admin)).toEqual({ ok: true, licenseId: id });
    expect((await findLicenseById(id))?.license).toMatchObject({ status: 'suspended', suspendedReason: 'Chargeback on invoice 1042' });
    expect(await suspendLicense({ licenseId: id, reason: 'again' }, admin)).toMatchObject({ ok: false, code: 'ERR_CONFLICT' });

    expect(await reinstateLicense(id, admin)).toEqual({ ok: true, licenseId: id });
    expect((await findLicenseById(id))?.license).toMatchObject({ status: 'active', suspendedReason: null });
    expect(await reinstateLicense(id, admin)).toMatchObject({ ok: false, code: 'ERR_CONFLICT', message: 'This license is not suspended.' });

    const rows = (await listAuditEventsPage({ licenseId: id }, { limit: 10, offset: 0 })).map((row) => [row.action, row.actorLabel, row.details]);
    expect(rows).toEqual([
      ['license.reinstate', 'admin@example.com', { wasSuspendedFor: 'Chargeback on invoice 1042' }],
      ['license.suspend', 'admin@example.com', { reason: 'Chargeback on invoice 1042' }],
      ['license.issue', 'system', expect.any(Object)],
    ]);
  });

  it('needs a reason to suspend, and a license that exists', async () => {
    const id = await newLicense();
    expect(await suspendLicense({ licenseId: id, reason: ' ' }, admin)).toMatchObject({ ok: false, code: 'ERR_VALIDATION', fieldErrors: { reason: [expect.stringMatching(/Say why/)] } });
    expect(await suspendLicense({ licenseId: 'nope', reason: 'for a reason' }, admin)).toMatchObject({ ok: false, code: 'ERR_LICENSE_NOT_FOUND' });
    expect((await findLicenseById(id))?.license.status).toBe('active');
    expect(await countAuditEvents({ licenseId: id, action: 'license.suspend' })).toBe(0);
  });
});

describe('changing the expiry', () => {
  const now = new Date('2026-06-01T00:00:00Z');

  it('extends an expiry, records from and to, and can remove it', async () => {
    const id = await newLicense(new Date('2026-07-01T00:00:00Z'));
    const later = new Date('2027-07-01T00:00:00Z');
    expect(await changeLicenseExpiry({ licenseId: id, expiresAt: later }, admin, now)).toEqual({ ok: true, licenseId: id });
    expect((await findLicenseById(id))?.license.expiresAt).toEqual(later);
    const [row] = await listAuditEventsPage({ licenseId: id, action: 'license.change_expiry' }, { limit: 1, offset: 0 });
    expect(row?.details).toEqual({ from: '2026-07-01T00:00:00.000Z', to: '2027-07-01T00:00:00.000Z' });

    expect(await changeLicenseExpiry({ licenseId: id, expiresAt: null }, admin, now)).toMatchObject({ ok: true });
    expect((await findLicenseById(id))?.license.expiresAt).toBeNull();
  });

  it('refuses a date in the past, and the same expiry again', async () => {
    const id = await newLicense(new Date('2026-07-01T00:00:00Z'));
    expect(await changeLicenseExpiry({ licenseId: id, expiresAt: new Date('2026-05-31T00:00:00Z') }, admin, now)).toMatchObject({
      ok: false,
      code: 'ERR_VALIDATION',
      fieldErrors: { expiresAt: [expect.stringMatching(/future/)] },
    });
    expect(await changeLicenseExpiry({ licenseId: id, expiresAt: new Date('2026-07-01T00:00:00Z') }, admin, now)).toMatchObject({ ok: false, code: 'ERR_CONFLICT' });
    expect((await findLicenseById(id))?.license.expiresAt).toEqual(new Date('2026-07-01T00:00:00Z'));
  });
});
