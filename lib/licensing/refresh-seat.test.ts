import { beforeAll, describe, expect, it } from 'vitest';
import { listLicenseFilesOfSeat } from '@/db/queries/license-files';
import { listAuditEventsOfLicense } from '@/db/queries/support-license-history';
import { updateLicense } from '@/db/queries/licenses';
import { findSeatById } from '@/db/queries/seats';
import { publicJwks } from '@/lib/instance/keys';
import { activate } from '@/lib/licensing/activate';
import { endUserActor, type Actor } from '@/lib/core/actor';
import { deactivate } from '@/lib/licensing/deactivate';
import { DAY } from '@/lib/licensing/durations';
import { refreshSeat, reissueSeat } from '@/lib/licensing/refresh-seat';
import { createTestLicense, makeMachine, setUpInstance, type TestLicense, type TestMachine } from '@/lib/testing/licensing-fixtures';
import { evaluateLease, verifyLicenseFile } from '@/lib/protocol';

const actor = endUserActor('portal', '192.0.2.10');
const support: Actor = { type: 'user', id: 'user-support-1', label: 'sam@vendor.test', ip: '10.0.0.5' };
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY * 1000);

beforeAll(setUpInstance);

async function activated(license: TestLicense, machine: TestMachine, now?: Date): Promise<string> {
  const result = await activate({ requestText: await machine.request(license, now ? { iat: seconds(now) } : {}), actor, now });
  if (!result.ok) throw new Error(result.message);
  return result.seatId;
}

describe('refreshSeat', () => {
  it('issues a new file with a new lease for an active seat, by license key and seat id', async () => {
    const license = await createTestLicense({ ttlSeconds: 30 * DAY, graceSeconds: 7 * DAY });
    const machine = await makeMachine();
    const seatId = await activated(license, machine);
    const later = daysFromNow(10);
    const result = await refreshSeat({ licenseKey: license.key.toLowerCase(), seatId }, actor, later);
    if (!result.ok) throw new Error(result.message);
    expect(result).toMatchObject({ kind: 'refresh', seatId, seatsUsed: 1 });
    expect(seconds(result.leaseEndsAt)).toBe(seconds(later) + 30 * DAY);
    const { claims } = await verifyLicenseFile(result.licenseFile, { jwks: await publicJwks(), fingerprint: machine.fingerprint, licenseKey: license.key });
    expect(claims.exp).toBe(seconds(later) + 30 * DAY);
    expect((await findSeatById(seatId))!.leaseEndsAt).toEqual(result.leaseEndsAt);
    expect((await listLicenseFilesOfSeat(seatId)).map((f) => f.kind).sort()).toEqual(['activation', 'refresh']);
  });

  it('refreshes a lapsed seat that no other machine took, and the new file is valid again', async () => {
    const license = await createTestLicense({ seats: 1, ttlSeconds: 30 * DAY, graceSeconds: 7 * DAY });
    const machine = await makeMachine();
    const past = daysFromNow(-60);
    const seatId = await activated(license, machine, past);
    expect((await findSeatById(seatId))!.graceEndsAt.getTime()).toBeLessThan(Date.now());
    const result = await refreshSeat({ licenseKey: license.key, seatId }, actor);
    if (!result.ok) throw new Error(result.message);
    const { claims } = await verifyLicenseFile(result.licenseFile, { jwks: await publicJwks(), fingerprint: machine.fingerprint, licenseKey: license.key });
    expect(evaluateLease(claims, { now: new Date() }).status).toBe('valid');
    expect((await listAuditEventsOfLicense(license.licenseId))[0]).toMatchObject({ action: 'seat.refresh', details: expect.objectContaining({ lapsed: true }) });
  });

  it('refuses a lapsed seat another machine took, and a deactivated seat', async () => {
    const license = await createTestLicense({ seats: 1, ttlSeconds: 30 * DAY, graceSeconds: 7 * DAY });
    const past = daysFromNow(-60);
    const lapsedSeat = await activated(license, await makeMachine(), past);
    const newcomer = await makeMachine();
    const newSeat = await activated(license, newcomer);
    const taken = await refreshSeat({ licenseKey: license.key, seatId: lapsedSeat }, actor);
    expect(taken).toMatchObject({ ok: false, code: 'ERR_SEAT_NOT_REFRESHABLE' });
    expect(!taken.ok && taken.message).toMatch(/^This seat was released on \d{4}-\d{2}-\d{2}, so it cannot be refreshed\. Activate the machine again/);
    await deactivate({ deactivationText: await newcomer.deactivation(newSeat), actor });
    expect(await refreshSeat({ licenseKey: license.key, seatId: newSeat }, actor)).toMatchObject({ ok: false, code: 'ERR_SEAT_NOT_REFRESHABLE' });
  });

  it('refuses a wrong key, a seat of another license, and a suspended license', async () => {
    const license = await createTestLicense();
    const other = await createTestLicense();
    const seatId = await activated(license, await makeMachine());
    const otherSeat = await activated(other, await makeMachine());
    expect(await refreshSeat({ licenseKey: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE', seatId }, actor)).toMatchObject({ ok: false, code: 'ERR_LICENSE_NOT_FOUND' });
    expect(await refreshSeat({ licenseKey: license.key, seatId: otherSeat }, actor)).toMatchObject({ ok: false, code: 'ERR_SEAT_NOT_FOUND' });
    await updateLicense(license.licenseId, { status: 'suspended' });
    expect(await refreshSeat({ licenseKey: license.key, seatId }, actor)).toMatchObject({ ok: false, code: 'ERR_LICENSE_SUSPENDED' });
  });
});

describe('reissueSeat (support)', () => {
  it('re-issues by seat id, recorded as a re-issue by the staff member', async () => {
    const license = await createTestLicense();
    const machine = await makeMachine();
    const seatId = await activated(license, machine);
    const result = await reissueSeat(seatId, support);
    if (!result.ok) throw new Error(result.message);
    expect(result.kind).toBe('reissue');
    await verifyLicenseFile(result.licenseFile, { jwks: await publicJwks(), fingerprint: machine.fingerprint, licenseKey: license.key });
    expect((await listLicenseFilesOfSeat(seatId))[0]).toMatchObject({ kind: 'reissue', issuedBy: 'user-support-1' });
    expect((await listAuditEventsOfLicense(license.licenseId))[0]).toMatchObject({ action: 'seat.reissue', actorLabel: 'sam@vendor.test', actorId: 'user-support-1' });
    expect(await reissueSeat('no-such-seat', support)).toMatchObject({ ok: false, code: 'ERR_SEAT_NOT_FOUND' });
  });
});
