import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getRevocations } from '@/app/api/v1/revocations/route';
import { POST as postRefresh } from '@/app/api/v1/refresh/route';
import { endUserActor, type Actor } from '@/lib/core/actor';
import { publicJwks } from '@/lib/instance/keys';
import { activate } from '@/lib/licensing/activate';
import { blockDevice } from '@/lib/licensing/block-device';
import { suspendLicense } from '@/lib/licensing/license-admin';
import { reissueSeat } from '@/lib/licensing/refresh-seat';
import { currentRevocationList } from '@/lib/licensing/revocation-list';
import { verifyRevocationList, verifyLicenseFile } from '@/lib/protocol';
import { createTestLicense, makeMachine, setUpInstance } from '@/lib/testing/licensing-fixtures';

process.env.GATEPASS_RATE_LIMIT_PER_MINUTE = '1000';
const support: Actor = { type: 'user', id: 'user-support-1', label: 'sam@support.test', ip: '198.51.100.4' };
const api = endUserActor('API', '203.0.113.7');
beforeAll(setUpInstance);

describe('the revocation list the portal issues', () => {
  it('rides in every new file after a block, and names the stolen device for its license only', async () => {
    const license = await createTestLicense({ seats: 2 });
    const stolen = await makeMachine('stolen-laptop');
    const first = await activate({ requestText: await stolen.request(license), actor: api });
    if (!first.ok) throw new Error(first.message);
    const jwks = await publicJwks();
    const stolenClaims = (await verifyLicenseFile(first.licenseFile, { jwks, fingerprint: stolen.fingerprint, licenseKey: license.key })).claims;
    const before = await verifyRevocationList(first.licenseFile, { jwks, product: license.productSlug });
    expect(before.revokes(stolenClaims)).toBeNull();

    const blocked = await blockDevice({ licenseId: license.licenseId, seatId: first.seatId, reason: 'stolen' }, support);
    expect(blocked.ok).toBe(true);
    const other = await makeMachine('office-pc');
    const second = await activate({ requestText: await other.request(license), actor: api });
    if (!second.ok) throw new Error(second.message);
    const carried = await verifyRevocationList(second.licenseFile, { jwks, product: license.productSlug });
    expect(carried.claims.seq).toBeGreaterThan(before.claims.seq);
    expect(carried.claims.product).toBe(license.productSlug);
    expect(carried.revokes(stolenClaims)).toBe('device');
    expect(carried.revokes({ ...stolenClaims, license_id: 'another-license' })).toBeNull();
    // Refresh and re-issue files carry it too.
    const reissued = await reissueSeat(second.seatId, support);
    if (!reissued.ok) throw new Error(reissued.message);
    expect((await verifyRevocationList(reissued.licenseFile, { jwks })).revokes(stolenClaims)).toBe('device');
    const refreshed = await postRefresh(
      new Request('http://localhost/api/v1/refresh', { method: 'POST', body: JSON.stringify({ license_key: license.key, seat_id: second.seatId }), headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.51' } }),
    );
    expect(refreshed.status).toBe(200);
    const { license_file } = (await refreshed.json()) as { license_file: string };
    expect((await verifyRevocationList(license_file, { jwks })).revokes(stolenClaims)).toBe('device');
  });

  it('names a suspended license, and is served at GET /api/v1/revocations (all products or one)', async () => {
    const license = await createTestLicense();
    const machine = await makeMachine('suspended-box');
    const activated = await activate({ requestText: await machine.request(license), actor: api });
    if (!activated.ok) throw new Error(activated.message);
    await suspendLicense({ licenseId: license.licenseId, reason: 'chargeback' }, support);
    const jwks = await publicJwks();
    const claims = (await verifyLicenseFile(activated.licenseFile, { jwks, fingerprint: machine.fingerprint, licenseKey: license.key })).claims;

    const all = await getRevocations(new Request('http://localhost/api/v1/revocations', { headers: { 'x-forwarded-for': '192.0.2.52' } }));
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toContain('text/plain');
    const allList = await verifyRevocationList(await all.text(), { jwks });
    expect(allList.claims.product).toBeUndefined();
    expect(allList.revokes(claims)).toBe('license');
    expect(Number(all.headers.get('x-gatepass-revocation-sequence'))).toBe(allList.claims.seq);

    const mine = await getRevocations(new Request(`http://localhost/api/v1/revocations?product=${license.productSlug}`, { headers: { 'x-forwarded-for': '192.0.2.52' } }));
    expect((await verifyRevocationList(await mine.text(), { jwks, product: license.productSlug })).revokes(claims)).toBe('license');
    const bad = await getRevocations(new Request('http://localhost/api/v1/revocations?product=%20nope', { headers: { 'x-forwarded-for': '192.0.2.52' } }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'ERR_VALIDATION' } });
  });

  it('signs a list once per sequence: the same list until something changes', async () => {
    const a = await currentRevocationList(null);
    const b = await currentRevocationList(null);
    expect(b.text).toBe(a.text);
    const license = await createTestLicense();
    await suspendLicense({ licenseId: license.licenseId, reason: 'fraud' }, support);
    const c = await currentRevocationList(null);
    expect(c.sequence).toBe(a.sequence + 1);
    expect(c.size).toBe(a.size + 1);
  });
});
