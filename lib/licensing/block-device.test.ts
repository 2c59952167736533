import { beforeAll, describe, expect, it } from 'vitest';
import { readRevocationSequence } from '@/db/queries/blocked-devices';
import { listFingerprintHistoryOfSeats } from '@/db/queries/seat-fingerprint-history';
import { countActiveSeats, findSeatById } from '@/db/queries/seats';
import { listAuditEventsOfLicense } from '@/db/queries/support-license-history';
import { countRowsOfEveryTable } from '@/db/queries/table-counts';
import { endUserActor, type Actor } from '@/lib/core/actor';
import { httpStatusOf } from '@/lib/core/result';
import { activate } from '@/lib/licensing/activate';
import { blockDevice, DEVICE_BLOCKED_MESSAGE, unblockDevice } from '@/lib/licensing/block-device';
import { reinstateLicense, suspendLicense } from '@/lib/licensing/license-admin';
import { refreshSeat } from '@/lib/licensing/refresh-seat';
import { releaseSeat } from '@/lib/licensing/release-seat';
import { supportLicenseDetail } from '@/lib/licensing/support-license-detail';
import { createTestLicense, makeMachine, setUpInstance, type TestLicense, type TestMachine } from '@/lib/testing/licensing-fixtures';

const support: Actor = { type: 'user', id: 'user-support-1', label: 'sam@support.test', ip: '198.51.100.4' };
const api = endUserActor('API', '203.0.113.7');

beforeAll(setUpInstance);

async function seated(license: TestLicense, machine: TestMachine, options: { seatId?: string } = {}) {
  const result = await activate({ requestText: await machine.request(license, options), actor: api });
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** Every row count but the audit log's: a refusal of a blocked device writes its audit row only. */
async function countsBesidesAudit() {
  const { audit_events: _audit, ...rest } = await countRowsOfEveryTable();
  return rest;
}

describe('blockDevice', () => {
  it('releases the seat, blocks the device, and the device is then refused with ERR_DEVICE_BLOCKED (403), audited, nothing else written', async () => {
    const license = await createTestLicense({ seats: 2 });
    const stolen = await makeMachine('stolen-laptop');
    const { seatId } = await seated(license, stolen);
    const sequence = await readRevocationSequence();

    const blocked = await blockDevice({ licenseId: license.licenseId, seatId, reason: 'stolen from a car' }, support);
    expect(blocked).toMatchObject({ ok: true, seatId, hostname: 'stolen-laptop', released: true });
    expect(await findSeatById(seatId)).toMatchObject({ status: 'released', releasedBy: 'sam@support.test' });
    expect(await countActiveSeats(license.licenseId)).toBe(0);
    expect(await readRevocationSequence()).toBe(sequence + 1);

    const before = await countsBesidesAudit();
    const again = await activate({ requestText: await stolen.request(license), actor: api });
    expect(again).toEqual({ ok: false, code: 'ERR_DEVICE_BLOCKED', message: DEVICE_BLOCKED_MESSAGE });
    expect(httpStatusOf('ERR_DEVICE_BLOCKED')).toBe(403);
    const refresh = await activate({ requestText: await stolen.request(license, { seatId }), actor: api });
    expect(refresh).toMatchObject({ ok: false, code: 'ERR_DEVICE_BLOCKED' });
    expect(await refreshSeat({ licenseKey: license.key, seatId }, api)).toMatchObject({ ok: false, code: 'ERR_DEVICE_BLOCKED' });
    expect(await countsBesidesAudit()).toEqual(before);

    const actions = (await listAuditEventsOfLicense(license.licenseId, 50)).map((event) => event.action);
    expect(actions.filter((action) => action === 'device.blocked_refused')).toHaveLength(3);
    expect(actions).toContain('device.block');
  });

  it('refuses the same fingerprint with a new device key (a reinstalled app) too', async () => {
    const license = await createTestLicense({ seats: 2 });
    const stolen = await makeMachine('stolen-desktop');
    const { seatId } = await seated(license, stolen);
    await blockDevice({ licenseId: license.licenseId, seatId, reason: 'stolen' }, support);
    const reinstalled = await makeMachine('stolen-desktop', { fingerprint: stolen.fingerprint });
    expect(await activate({ requestText: await reinstalled.request(license), actor: api })).toMatchObject({ ok: false, code: 'ERR_DEVICE_BLOCKED' });
  });

  it('blocks a seat that was already released, and refuses a second block', async () => {
    const license = await createTestLicense({ seats: 1 });
    const machine = await makeMachine('lost-tablet');
    const { seatId } = await seated(license, machine);
    await releaseSeat({ licenseId: license.licenseId, seatId, reason: 'stolen' }, support);
    expect(await blockDevice({ licenseId: license.licenseId, seatId, reason: 'stolen, blocking too' }, support)).toMatchObject({ ok: true, released: false });
    expect(await blockDevice({ licenseId: license.licenseId, seatId, reason: 'again' }, support)).toMatchObject({ ok: false, code: 'ERR_CONFLICT' });
    expect(await blockDevice({ licenseId: license.licenseId, seatId, reason: '' }, support)).toMatchObject({ ok: false, code: 'ERR_VALIDATION' });
  });

  it('shows the block on the support page, and unblocking lets the machine activate again', async () => {
    const license = await createTestLicense({ seats: 1 });
    const machine = await makeMachine('found-laptop');
    const { seatId } = await seated(license, machine);
    const blocked = await blockDevice({ licenseId: license.licenseId, seatId, reason: 'reported stolen' }, support);
    if (!blocked.ok) throw new Error(blocked.message);
    const detail = await supportLicenseDetail(license.licenseId);
    if (!detail.ok) throw new Error(detail.message);
    expect(detail.license.blockedDevices).toEqual([expect.objectContaining({ id: blocked.blockId, hostname: 'found-laptop', reason: 'reported stolen', blockedBy: 'sam@support.test', unblockedAt: null })]);
    expect(detail.license.seats.find((seat) => seat.id === seatId)).toMatchObject({ blocked: true });

    const sequence = await readRevocationSequence();
    expect(await unblockDevice({ licenseId: license.licenseId, blockId: blocked.blockId }, support)).toEqual({ ok: true, blockId: blocked.blockId });
    expect(await readRevocationSequence()).toBe(sequence + 1);
    expect(await unblockDevice({ licenseId: license.licenseId, blockId: blocked.blockId }, support)).toMatchObject({ ok: false, code: 'ERR_DEVICE_NOT_BLOCKED' });
    expect(await unblockDevice({ licenseId: license.licenseId, blockId: 'nope' }, support)).toMatchObject({ ok: false, code: 'ERR_NOT_FOUND' });
    expect(await activate({ requestText: await machine.request(license), actor: api })).toMatchObject({ ok: true, refreshed: false });
    const actions = (await listAuditEventsOfLicense(license.licenseId, 50)).map((event) => event.action);
    expect(actions).toContain('device.unblock');
  });

  it('raises the revocation sequence when a license is suspended or reinstated', async () => {
    const license = await createTestLicense();
    const before = await readRevocationSequence();
    await suspendLicense({ licenseId: license.licenseId, reason: 'chargeback' }, support);
    await reinstateLicense(license.licenseId, support);
    expect(await readRevocationSequence()).toBe(before + 2);
  });
});

describe('a refresh request (seat_id) never takes a new seat', () => {
  it('renews its seat, and is refused once support released it, with the seat count unchanged', async () => {
    const license = await createTestLicense({ seats: 2 });
    const machine = await makeMachine('field-laptop');
    const { seatId } = await seated(license, machine);
    expect(await seated(license, machine, { seatId })).toMatchObject({ seatId, refreshed: true });
    await releaseSeat({ licenseId: license.licenseId, seatId, reason: 'stolen' }, support);

    const before = await countRowsOfEveryTable();
    const refused = await activate({ requestText: await machine.request(license, { seatId }), actor: api });
    expect(refused).toMatchObject({ ok: false, code: 'ERR_SEAT_NOT_REFRESHABLE', message: expect.stringContaining('was released') });
    expect(await countRowsOfEveryTable()).toEqual(before);
    // Without seat_id (a deliberate activation), the machine takes a new seat.
    expect(await seated(license, machine)).toMatchObject({ refreshed: false });
  });
});

describe('re-bind on new hardware', () => {
  it('keeps the seat when the same device key comes with a new fingerprint, and keeps the old fingerprint in the history', async () => {
    const license = await createTestLicense({ seats: 1 });
    const before = await makeMachine('workstation');
    const { seatId } = await seated(license, before);
    const after = await makeMachine('workstation', { device: before.device });
    const rebound = await seated(license, after, { seatId });
    expect(rebound).toMatchObject({ seatId, refreshed: true });
    expect(await findSeatById(seatId)).toMatchObject({ fingerprint: after.fingerprint, status: 'active' });
    expect(await countActiveSeats(license.licenseId)).toBe(1);
    expect((await listFingerprintHistoryOfSeats([seatId])).map((row) => row.oldFingerprint)).toEqual([before.fingerprint]);
    const detail = await supportLicenseDetail(license.licenseId);
    if (!detail.ok) throw new Error(detail.message);
    expect(detail.license.seats[0]).toMatchObject({ id: seatId, earlierFingerprints: [before.fingerprint] });
    const actions = (await listAuditEventsOfLicense(license.licenseId, 50)).map((event) => event.action);
    expect(actions).toContain('seat.rebind');
    // A plain activation request (no seat_id) from the new hardware re-binds too.
    const third = await makeMachine('workstation', { device: before.device });
    expect(await seated(license, third)).toMatchObject({ seatId, refreshed: true });
  });

  it('refuses a blocked device key on new hardware', async () => {
    const license = await createTestLicense({ seats: 2 });
    const stolen = await makeMachine('stolen');
    const { seatId } = await seated(license, stolen);
    await blockDevice({ licenseId: license.licenseId, seatId, reason: 'stolen' }, support);
    const moved = await makeMachine('stolen', { device: stolen.device });
    const before = await countsBesidesAudit();
    expect(await activate({ requestText: await moved.request(license), actor: api })).toMatchObject({ ok: false, code: 'ERR_DEVICE_BLOCKED' });
    expect(await countsBesidesAudit()).toEqual(before);
  });
});
