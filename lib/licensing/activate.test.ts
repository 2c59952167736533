import { beforeAll, describe, expect, it } from 'vitest';
import { listLicenseFilesOfSeat } from '@/db/queries/license-files';
import { listAuditEventsOfLicense } from '@/db/queries/support-license-history';
import { updateLicense } from '@/db/queries/licenses';
import { writeTransaction } from '@/db/client';
import { countActiveSeats, endActiveSeat, findSeatById } from '@/db/queries/seats';
import { countRowsOfEveryTable } from '@/db/queries/table-counts';
import { publicJwks } from '@/lib/instance/keys';
import { activate } from '@/lib/licensing/activate';
import { endUserActor } from '@/lib/core/actor';
import { DAY } from '@/lib/licensing/durations';
import { createTestLicense, makeMachine, setUpInstance, type TestLicense, type TestMachine } from '@/lib/testing/licensing-fixtures';
import { jwkThumbprint, verifyLicenseFile } from '@/lib/protocol';

const actor = endUserActor('portal', '203.0.113.7');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

beforeAll(setUpInstance);

async function activateMachine(license: TestLicense, machine: TestMachine, options: Parameters<TestMachine['request']>[1] = {}, now?: Date) {
  return activate({ requestText: await machine.request(license, options), actor, now });
}

/** Asserts the call changed no row in any table (DESIGN.md "Bad input ... changes nothing"). */
async function expectNoChange<T>(fn: () => Promise<T>): Promise<T> {
  const before = await countRowsOfEveryTable();
  const result = await fn();
  expect(await countRowsOfEveryTable()).toEqual(before);
  return result;
}

describe('activate', () => {
  it('names the file per seat, so two machines called "vm" download different names', async () => {
    const license = await createTestLicense({ seats: 2 });
    const [a, b] = [await activateMachine(license, await makeMachine('vm')), await activateMachine(license, await makeMachine('vm'))];
    if (!a.ok || !b.ok) throw new Error('activation refused');
    expect(a.fileName).toBe(`${license.product.slug}-vm-${a.seatId.slice(0, 8)}.lic`);
    expect(b.fileName).not.toBe(a.fileName);
  });

  it('takes a free seat and answers with a signed file that the machine can verify', async () => {
    const license = await createTestLicense({ seats: 2 });
    const machine = await makeMachine('design-ws-01');
    const result = await activateMachine(license, machine);
    if (!result.ok) throw new Error(result.message);
    expect(result).toMatchObject({ refreshed: false, seatsUsed: 1, seatLimit: 2, kind: 'activation', device: { hostname: 'design-ws-01' } });
    expect(result.fileName).toBe(`${license.product.slug}-design-ws-01-${result.seatId.slice(0, 8)}.lic`);

    const { claims, encrypted } = await verifyLicenseFile(result.licenseFile, {
      jwks: await publicJwks(),
      fingerprint: machine.fingerprint,
      licenseKey: license.key,
      product: license.product.slug,
    });
    expect(encrypted).toBe(true);
    expect(claims).toMatchObject({ license_id: license.licenseId, seat_id: result.seatId, jti: result.fileId, features: ['export'] });
    expect(claims.exp).toBe(claims.iat + 30 * DAY);
    expect(claims.grace).toBe(7 * DAY);

    const seat = (await findSeatById(result.seatId))!;
    expect(seat).toMatchObject({ status: 'active', fingerprint: machine.fingerprint, hostname: 'design-ws-01', os: 'Linux 6.8' });
    expect(seconds(seat.leaseEndsAt)).toBe(claims.exp);
    const files = await listLicenseFilesOfSeat(result.seatId);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ id: claims.jti, kind: 'activation', encrypted: true, graceSeconds: 7 * DAY });
    const events = (await listAuditEventsOfLicense(license.licenseId)).filter((e) => e.action.startsWith('seat.'));
    expect(events).toEqual([expect.objectContaining({ action: 'seat.activate', actorLabel: 'end user via portal', ip: '203.0.113.7', targetId: result.seatId })]);
  });

  it('re-activating the same machine reuses its seat and renews the lease (never a second seat)', async () => {
    const license = await createTestLicense({ seats: 1 });
    const machine = await makeMachine();
    const first = await activateMachine(license, machine);
    const second = await activateMachine(license, machine);
    if (!first.ok || !second.ok) throw new Error('activation failed');
    expect(second).toMatchObject({ refreshed: true, seatId: first.seatId, seatsUsed: 1, kind: 'refresh' });
    expect(await countActiveSeats(license.licenseId)).toBe(1);
    expect((await listLicenseFilesOfSeat(first.seatId)).map((f) => f.kind).sort()).toEqual(['activation', 'refresh']);
  });

  it('lets a reinstalled app (same machine, new device key) keep its seat, which follows the new key', async () => {
    const license = await createTestLicense({ seats: 1 });
    const machine = await makeMachine();
    const reinstalled = await makeMachine(machine.hostname, { fingerprint: machine.fingerprint });
    const first = await activateMachine(license, machine);
    const second = await activateMachine(license, reinstalled);
    if (!first.ok || !second.ok) throw new Error('activation failed');
    expect(second).toMatchObject({ seatId: first.seatId, refreshed: true });
    expect((await findSeatById(first.seatId))!.deviceThumbprint).toBe(await jwkThumbprint(reinstalled.device.publicJwk));
  });

  it('refuses a machine when every seat is taken, with the figures and what to do, and changes nothing', async () => {
    const license = await createTestLicense({ seats: 2 });
    for (const name of ['a', 'b']) expect((await activateMachine(license, await makeMachine(name))).ok).toBe(true);
    const third = await makeMachine('c');
    const result = await expectNoChange(() => activateMachine(license, third));
    expect(result).toEqual({
      ok: false,
      code: 'ERR_SEATS_EXHAUSTED',
      message: 'All 2 seats of this license are in use. Deactivate the license on another machine, or ask support to release a lost one.',
    });
  });

  it('never oversells under concurrent activations of distinct machines', async () => {
    const license = await createTestLicense({ seats: 3 });
    const requests = await Promise.all(Array.from({ length: 24 }, async (_, i) => (await makeMachine(`m${i}`)).request(license)));
    const results = await Promise.all(requests.map((requestText) => activate({ requestText, actor })));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(new Set(results.filter((r) => !r.ok).map((r) => !r.ok && r.code))).toEqual(new Set(['ERR_SEATS_EXHAUSTED']));
    expect(await countActiveSeats(license.licenseId)).toBe(3);
  });

  it('refuses a suspended license with the reason', async () => {
    const license = await createTestLicense();
    await updateLicense(license.licenseId, { status: 'suspended', suspendedReason: 'payment overdue' });
    const result = await expectNoChange(async () => activateMachine(license, await makeMachine()));
    expect(result).toMatchObject({ ok: false, code: 'ERR_LICENSE_SUSPENDED' });
    expect(!result.ok && result.message).toBe("This license is suspended (payment overdue). Contact your software vendor's support to have it reinstated.");
  });

  it('refuses an expired license and names the day it expired', async () => {
    const license = await createTestLicense();
    await updateLicense(license.licenseId, { expiresAt: new Date('2025-12-31T10:00:00Z') });
    const result = await expectNoChange(async () => activateMachine(license, await makeMachine()));
    expect(result).toMatchObject({ ok: false, code: 'ERR_LICENSE_EXPIRED' });
    expect(!result.ok && result.message).toContain('expired on 2025-12-31');
  });

  it('refuses a request made for another product', async () => {
    const license = await createTestLicense();
    const result = await expectNoChange(async () => activateMachine(license, await makeMachine(), { product: 'other-app' }));
    expect(result).toMatchObject({ ok: false, code: 'ERR_WRONG_PRODUCT' });
    expect(!result.ok && result.message).toContain('("other-app")');
  });

  it('refuses an unknown license key', async () => {
    const license = await createTestLicense();
    const result = await expectNoChange(async () => activateMachine({ ...license, key: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' }, await makeMachine()));
    expect(result).toMatchObject({ ok: false, code: 'ERR_LICENSE_NOT_FOUND' });
  });

  it('refuses a replayed request and says what to do instead', async () => {
    const license = await createTestLicense();
    const requestText = await (await makeMachine()).request(license);
    expect((await activate({ requestText, actor })).ok).toBe(true);
    const replay = await expectNoChange(() => activate({ requestText, actor }));
    expect(replay).toMatchObject({ ok: false, code: 'ERR_REQUEST_REPLAYED' });
    expect(!replay.ok && replay.message).toMatch(/already used\. Create a new request/);
  });

  it('keeps a refused request usable: the same file works once a seat is free', async () => {
    const license = await createTestLicense({ seats: 1 });
    const first = await activateMachine(license, await makeMachine());
    const second = await (await makeMachine()).request(license);
    expect(await activate({ requestText: second, actor })).toMatchObject({ ok: false, code: 'ERR_SEATS_EXHAUSTED' });
    if (!first.ok) throw new Error(first.message);
    await writeTransaction((tx) => endActiveSeat(first.seatId, { status: 'released', releasedAt: new Date(), releaseReason: 'test', releasedBy: 'test' }, tx));
    expect(await activate({ requestText: second, actor })).toMatchObject({ ok: true, refreshed: false });
  });

  it('refuses a request older than GATEPASS_REQUEST_MAX_AGE (default 7 days)', async () => {
    const license = await createTestLicense();
    const machine = await makeMachine();
    const eightDaysAgo = seconds(new Date()) - 8 * DAY;
    expect(await activateMachine(license, machine, { iat: eightDaysAgo })).toMatchObject({ ok: false, code: 'ERR_REQUEST_EXPIRED' });
    process.env.GATEPASS_REQUEST_MAX_AGE = '1h';
    try {
      expect(await activateMachine(license, machine, { iat: seconds(new Date()) - 2 * 3600 })).toMatchObject({ ok: false, code: 'ERR_REQUEST_EXPIRED' });
    } finally {
      delete process.env.GATEPASS_REQUEST_MAX_AGE;
    }
    expect(await activateMachine(license, machine, { iat: seconds(new Date()) - 2 * 3600 })).toMatchObject({ ok: true });
  });

  it('refuses garbage, a tampered request and a deactivation file, changing nothing', async () => {
    const license = await createTestLicense();
    const machine = await makeMachine();
    const good = await machine.request(license);
    // Flip one character of the ciphertext (the body's second-to-last line): AES-GCM refuses it.
    const lines = good.split('\n');
    const i = lines.length - 4;
    lines[i] = lines[i]!.slice(0, 10) + (lines[i]![10] === 'A' ? 'B' : 'A') + lines[i]!.slice(11);
    const cases: Array<[string, string]> = [
      ['hello, this is not a license request', 'ERR_ARTIFACT_MALFORMED'],
      [lines.join('\n'), 'ERR_DECRYPT_FAILED'],
      [await machine.deactivation('seat-x'), 'ERR_ARTIFACT_KIND'],
      ['x'.repeat(70_000), 'ERR_ARTIFACT_TOO_LARGE'],
    ];
    for (const [requestText, code] of cases) {
      expect(await expectNoChange(() => activate({ requestText, actor }))).toMatchObject({ ok: false, code });
    }
  });

  it('signs the earliest of TTL, requested duration and license expiry into the file', async () => {
    const requested = await createTestLicense({ ttlSeconds: 30 * DAY, maxRequestedDurationSeconds: 10 * DAY });
    const machine = await makeMachine();
    const short = await activateMachine(requested, machine, { requestedDuration: 2 * DAY });
    if (!short.ok) throw new Error(short.message);
    expect(seconds(short.leaseEndsAt) - seconds(short.issuedAt)).toBe(2 * DAY);
    expect(short.limitedBy).toBe('requested-duration');
    const capped = await activateMachine(requested, machine, { requestedDuration: 20 * DAY });
    if (!capped.ok) throw new Error(capped.message);
    expect(seconds(capped.leaseEndsAt) - seconds(capped.issuedAt)).toBe(10 * DAY);

    const expiresAt = new Date(Date.now() + 5 * DAY * 1000);
    const expiring = await createTestLicense({ ttlSeconds: 30 * DAY, expiresAt });
    const machineB = await makeMachine();
    const result = await activateMachine(expiring, machineB);
    if (!result.ok) throw new Error(result.message);
    const { claims } = await verifyLicenseFile(result.licenseFile, { jwks: await publicJwks(), fingerprint: machineB.fingerprint, licenseKey: expiring.key });
    expect(claims.exp).toBe(seconds(expiresAt));
    expect(result.limitedBy).toBe('license-expiry');
  });

  it('lets another machine take a lapsed seat when the plan allows it, and refuses when it does not', async () => {
    const past = new Date(Date.now() - 60 * DAY * 1000);
    for (const reclaim of [true, false]) {
      const license = await createTestLicense({ seats: 1, ttlSeconds: 30 * DAY, graceSeconds: 7 * DAY, reclaimLapsedSeats: reclaim });
      const old = await activateMachine(license, await makeMachine('old-laptop'), { iat: seconds(past) }, past);
      if (!old.ok) throw new Error(old.message);
      const result = await activateMachine(license, await makeMachine('new-laptop'));
      if (reclaim) {
        expect(result).toMatchObject({ ok: true, reclaimedSeatId: old.seatId, seatsUsed: 1 });
        expect(await findSeatById(old.seatId)).toMatchObject({ status: 'released', releasedBy: 'end user via portal' });
        expect((await listAuditEventsOfLicense(license.licenseId)).map((e) => e.action)).toContain('seat.reclaim');
      } else {
        expect(result).toMatchObject({ ok: false, code: 'ERR_SEATS_EXHAUSTED' });
        expect((await findSeatById(old.seatId))!.status).toBe('active');
      }
    }
  });

  it('encrypts the file with the license key as printed, whatever spelling the request carried', async () => {
    const license = await createTestLicense();
    const machine = await makeMachine();
    const typed = license.key.toLowerCase().replace(/-/g, ' ');
    const result = await activateMachine({ ...license, key: typed }, machine);
    if (!result.ok) throw new Error(result.message);
    await expect(verifyLicenseFile(result.licenseFile, { jwks: await publicJwks(), fingerprint: machine.fingerprint, licenseKey: license.key })).resolves.toMatchObject({ encrypted: true });
    await expect(verifyLicenseFile(result.licenseFile, { jwks: await publicJwks(), fingerprint: machine.fingerprint, licenseKey: typed })).rejects.toMatchObject({ code: 'ERR_DECRYPT_FAILED' });
  });

  it('stores unencrypted files for plans that do not encrypt', async () => {
    const license = await createTestLicense({ encryptLicenseFiles: false });
    const machine = await makeMachine();
    const result = await activateMachine(license, machine);
    if (!result.ok) throw new Error(result.message);
    const verified = await verifyLicenseFile(result.licenseFile, { jwks: await publicJwks(), fingerprint: machine.fingerprint });
    expect(verified.encrypted).toBe(false);
  });
});
