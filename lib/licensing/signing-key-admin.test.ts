import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listAuditEventsPage } from '@/db/queries/audit-log';
import { licenseFiles, seats } from '@/db/schema';
import { ensureInstanceKeys, publicJwks, rotateSigningKey } from '@/lib/instance/keys';
import type { Actor } from '@/lib/core/actor';
import { DAY } from '@/lib/licensing/durations';
import { listSigningKeysWithUsage, revocationWarning, revokeSigningKey } from '@/lib/licensing/signing-key-admin';
import { createTestLicense } from '@/lib/testing/licensing-fixtures';

const admin: Actor = { type: 'user', id: 'u1', label: 'admin@example.com', ip: '10.0.0.1' };

/** Records a file signed by `kid` whose lease ends at `leaseEndsAt` (what activation writes). */
async function recordFile(licenseId: string, kid: string, leaseEndsAt: Date, graceSeconds: number) {
  const seatId = crypto.randomUUID();
  const now = new Date();
  await getDb()
    .insert(seats)
    .values({ id: seatId, licenseId, fingerprint: seatId, devicePublicJwk: {}, deviceThumbprint: 't', activatedAt: now, lastIssuedAt: now, leaseEndsAt, graceEndsAt: new Date(leaseEndsAt.getTime() + graceSeconds * 1000) });
  await getDb()
    .insert(licenseFiles)
    .values({ id: crypto.randomUUID(), seatId, licenseId, kind: 'activation', kid, encrypted: true, issuedAt: now, leaseEndsAt, graceSeconds, issuedBy: 'test' });
}

describe('signing keys', () => {
  it('counts files each key signed and which still work, and revokes only retired keys, removing them from the JWKS', async () => {
    await ensureInstanceKeys();
    const [first] = await listSigningKeysWithUsage();
    const { licenseId } = await createTestLicense();
    const now = new Date();
    await recordFile(licenseId, first!.kid, new Date(now.getTime() + 10 * DAY * 1000), 0); // valid
    await recordFile(licenseId, first!.kid, new Date(now.getTime() - DAY * 1000), 2 * DAY); // in grace: still valid
    await recordFile(licenseId, first!.kid, new Date(now.getTime() - 5 * DAY * 1000), DAY); // expired

    expect(await revokeSigningKey(first!.kid, admin)).toMatchObject({ ok: false, code: 'ERR_CONFLICT', message: expect.stringMatching(/Rotate first/) });

    const rotated = await rotateSigningKey(admin);
    const keys = await listSigningKeysWithUsage(now);
    expect(keys.map((k) => [k.kid, k.status, k.signed, k.stillValid])).toEqual([
      [rotated.kid, 'active', 0, 0],
      [first!.kid, 'retired', 3, 2],
    ]);
    expect((await publicJwks()).keys.map((k) => k.kid)).toContain(first!.kid);

    expect(await revokeSigningKey(first!.kid, admin, now)).toEqual({ ok: true, kid: first!.kid, stillValid: 2 });
    expect((await publicJwks()).keys.map((k) => k.kid)).not.toContain(first!.kid);
    expect((await publicJwks()).keys.map((k) => k.kid)).toContain(rotated.kid);
    expect(await revokeSigningKey(first!.kid, admin)).toMatchObject({ ok: false, message: 'This key is revoked already.' });
    expect((await listAuditEventsPage({ action: 'key.revoke' }, { limit: 1, offset: 0 }))[0]).toMatchObject({
      actorLabel: 'admin@example.com',
      targetId: first!.kid,
      details: { stillValidFiles: 2 },
    });
  });

  it('warns with the number of still-valid files', async () => {
    expect(revocationWarning(0)).toMatch(/breaks nothing/);
    expect(revocationWarning(1)).toMatch(/^1 license file signed by this key is still valid\./);
    expect(revocationWarning(12)).toMatch(/^12 license files signed by this key are still valid\./);
  });
});
