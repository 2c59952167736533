import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditEventsOfLicense } from '@/db/queries/support-license-history';
import { countActiveSeats, findSeatById } from '@/db/queries/seats';
import { countRowsOfEveryTable } from '@/db/queries/table-counts';
import { activate } from '@/lib/licensing/activate';
import { deactivate } from '@/lib/licensing/deactivate';
import { endUserActor, type Actor } from '@/lib/core/actor';
import { releaseSeat } from '@/lib/licensing/release-seat';
import { createTestLicense, makeMachine, setUpInstance, storedTime, type TestLicense } from '@/lib/testing/licensing-fixtures';

const supportActor: Actor = { type: 'user', id: 'user-support-1', label: 'sam@support.test', ip: '198.51.100.4' };
const portal = endUserActor('portal', '203.0.113.7');

beforeAll(setUpInstance);

async function activateNew(license: TestLicense, hostname: string) {
  const machine = await makeMachine(hostname);
  const result = await activate({ requestText: await machine.request(license), actor: portal });
  if (!result.ok) throw new Error(result.message);
  return { machine, seatId: result.seatId, leaseEndsAt: result.leaseEndsAt, graceEndsAt: result.graceEndsAt };
}

describe('releaseSeat', () => {
  it('requires a reason and changes nothing without one', async () => {
    const license = await createTestLicense({ seats: 1 });
    const { seatId } = await activateNew(license, 'lost-laptop');
    const before = await countRowsOfEveryTable();
    for (const reason of ['', '   ', 'x']) {
      const result = await releaseSeat({ licenseId: license.licenseId, seatId, reason }, supportActor);
      expect(result).toMatchObject({ ok: false, code: 'ERR_VALIDATION', fieldErrors: { reason: [expect.stringContaining('Say why the seat is released')] } });
    }
    expect(await countRowsOfEveryTable()).toEqual(before);
    expect((await findSeatById(seatId))?.status).toBe('active');
  });

  it('frees the seat at once, so another machine can activate, and reports the old file\'s lease end', async () => {
    const license = await createTestLicense({ seats: 2 });
    const first = await activateNew(license, 'build-box-1');
    await activateNew(license, 'build-box-2');
    const third = await makeMachine('build-box-3');
    const refused = await activate({ requestText: await third.request(license), actor: portal });
    expect(refused).toMatchObject({ ok: false, code: 'ERR_SEATS_EXHAUSTED' });

    const now = new Date();
    const released = await releaseSeat({ licenseId: license.licenseId, seatId: first.seatId, reason: '  mainboard died  ' }, supportActor, now);
    expect(released).toEqual({
      ok: true,
      seatId: first.seatId,
      hostname: 'build-box-1',
      leaseEndsAt: first.leaseEndsAt,
      graceEndsAt: first.graceEndsAt,
      seatsUsed: 1,
      seatLimit: 2,
    });
    expect(await findSeatById(first.seatId)).toMatchObject({
      status: 'released',
      releaseReason: 'mainboard died',
      releasedBy: 'sam@support.test',
      releasedAt: storedTime(now),
    });
    expect(await countActiveSeats(license.licenseId)).toBe(1);

    const admitted = await activate({ requestText: await third.request(license), actor: portal });
    expect(admitted).toMatchObject({ ok: true, seatsUsed: 2, device: { hostname: 'build-box-3' } });
  });

  it('writes one audit row with the staff member, the reason and the old lease', async () => {
    const license = await createTestLicense({ seats: 1 });
    const { seatId, machine, leaseEndsAt } = await activateNew(license, 'stolen-laptop');
    await releaseSeat({ licenseId: license.licenseId, seatId, reason: 'laptop stolen' }, supportActor);
    const releases = (await listAuditEventsOfLicense(license.licenseId)).filter((event) => event.action === 'seat.release');
    expect(releases).toEqual([
      expect.objectContaining({
        actorType: 'user',
        actorId: 'user-support-1',
        actorLabel: 'sam@support.test',
        ip: '198.51.100.4',
        targetType: 'seat',
        targetId: seatId,
        licenseId: license.licenseId,
        details: expect.objectContaining({ reason: 'laptop stolen', hostname: 'stolen-laptop', fingerprint: machine.fingerprint, leaseEndsAt: leaseEndsAt.toISOString() }),
      }),
    ]);
  });

  it('says so when the seat is already released, and changes nothing', async () => {
    const license = await createTestLicense({ seats: 2 });
    const { seatId } = await activateNew(license, 'old-pc');
    expect((await releaseSeat({ licenseId: license.licenseId, seatId, reason: 'replaced' }, supportActor)).ok).toBe(true);
    const before = await countRowsOfEveryTable();
    const again = await releaseSeat({ licenseId: license.licenseId, seatId, reason: 'second try' }, { ...supportActor, label: 'other@support.test' });
    expect(again).toMatchObject({ ok: false, code: 'ERR_SEAT_ALREADY_FREE' });
    if (again.ok) return;
    expect(again.message).toMatch(/^This seat was already released on \d{4}-\d{2}-\d{2} by sam@support\.test \(replaced\)\. Nothing was changed\.$/);
    expect(await countRowsOfEveryTable()).toEqual(before);
    expect(await findSeatById(seatId)).toMatchObject({ releaseReason: 'replaced', releasedBy: 'sam@support.test' });
  });

  it('says so when the machine deactivated the seat itself', async () => {
    const license = await createTestLicense({ seats: 1 });
    const { seatId, machine } = await activateNew(license, 'returned-pc');
    const deactivated = await deactivate({ deactivationText: await machine.deactivation(seatId), actor: portal });
    expect(deactivated.ok).toBe(true);
    const result = await releaseSeat({ licenseId: license.licenseId, seatId, reason: 'customer asked' }, supportActor);
    expect(result).toMatchObject({ ok: false, code: 'ERR_SEAT_ALREADY_FREE', message: expect.stringMatching(/^This seat was already deactivated by its machine on /) });
    expect((await findSeatById(seatId))?.status).toBe('deactivated');
  });

  it('refuses a seat of another license', async () => {
    const license = await createTestLicense({ seats: 1 });
    const other = await createTestLicense({ seats: 1 });
    const { seatId } = await activateNew(other, 'elsewhere');
    const result = await releaseSeat({ licenseId: license.licenseId, seatId, reason: 'wrong page' }, supportActor);
    expect(result).toMatchObject({ ok: false, code: 'ERR_SEAT_NOT_FOUND' });
    expect((await findSeatById(seatId))?.status).toBe('active');
  });
});
