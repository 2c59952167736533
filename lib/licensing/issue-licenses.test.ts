import { describe, expect, it } from 'vitest';
import { countAuditEvents } from '@/db/queries/audit-log';
import { findLicenseByKeyHash } from '@/db/queries/licenses';
import { unsealSecret } from '@/lib/instance/master-key';
import { SYSTEM_ACTOR } from '@/lib/core/actor';
import { issueLicenses, LICENSE_KEY_CONTEXT } from '@/lib/licensing/issue-licenses';
import { hashLicenseKey } from '@/lib/licensing/license-key';
import { createTestLicense } from '@/lib/testing/licensing-fixtures';

describe('issuing licenses', () => {
  it('issues many at once, stores each key hashed and sealed, and audits one row per license', async () => {
    const { planId } = await createTestLicense();
    const result = await issueLicenses({ planId, count: 25, customerName: 'Acme', customerEmail: '  Buyer@Acme.Example ' }, SYSTEM_ACTOR);
    if (!result.ok) throw new Error(result.message);
    expect(result.licenses).toHaveLength(25);
    expect(new Set(result.licenses.map((l) => l.key)).size).toBe(25);
    const stored = (await findLicenseByKeyHash(hashLicenseKey(result.licenses[7]!.key)))!;
    expect(stored.license).toMatchObject({ id: result.licenses[7]!.id, customerEmail: 'buyer@acme.example' });
    expect(stored.license.keyEncrypted).not.toContain(result.licenses[7]!.key);
    expect(await unsealSecret(stored.license.keyEncrypted, LICENSE_KEY_CONTEXT)).toBe(result.licenses[7]!.key);
    expect(await countAuditEvents({ action: 'license.issue', licenseId: result.licenses[24]!.id })).toBe(1);
  });

  it('refuses 0 and 1001 licenses, a bad email, and a past expiry', async () => {
    const { planId } = await createTestLicense();
    expect(await issueLicenses({ planId, count: 0 }, SYSTEM_ACTOR)).toMatchObject({ ok: false, fieldErrors: { count: ['Issue at least 1 license.'] } });
    expect(await issueLicenses({ planId, count: 1001 }, SYSTEM_ACTOR)).toMatchObject({ ok: false, fieldErrors: { count: ['Issue at most 1,000 licenses at once.'] } });
    expect(await issueLicenses({ planId, customerEmail: 'nope' }, SYSTEM_ACTOR)).toMatchObject({ ok: false, fieldErrors: { customerEmail: [expect.stringMatching(/valid email/)] } });
    expect(await issueLicenses({ planId, expiresAt: new Date(Date.now() - 1000) }, SYSTEM_ACTOR)).toMatchObject({ ok: false, fieldErrors: { expiresAt: expect.any(Array) } });
  });
});
