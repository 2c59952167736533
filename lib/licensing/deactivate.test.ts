import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditEventsOfLicense } from '@/db/queries/support-license-history';
import { countActiveSeats, findSeatById } from '@/db/queries/seats';
import { countRowsOfEveryTable } from '@/db/queries/table-counts';
import { listUsageRecordsOfLicense } from '@/db/queries/usage';
import { activate } from '@/lib/licensing/activate';
import { endUserActor } from '@/lib/core/actor';
import { deactivate } from '@/lib/licensing/deactivate';
import { createTestLicense, makeMachine, setUpInstance, type TestLicense, type TestMachine } from '@/lib/testing/licensing-fixtures';

const actor = endUserActor('API', '198.51.100.4');

beforeAll(setUpInstance);

async function activated(license: TestLicense, machine: TestMachine): Promise<string> {
  const result = await activate({ requestText: await machine.request(license), actor });
  if (!result.ok) throw new Error(result.message);
  return result.seatId;
}

describe('deactivate', () => {
  it('frees the seat, stores the usage counters, audits, and says how many seats are free', async () => {
    const license = await createTestLicense({ seats: 2 });
    const machine = await makeMachine('render-node-3');
    const seatId = await activated(license, machine);
    await activated(license, await makeMachine());
    const result = await deactivate({ deactivationText: await machine.deactivation(seatId, { exports: 12, renders: 3 }), actor });
    expect(result).toEqual({
      ok: true,
      seatId,
      licenseId: license.licenseId,
      product: { slug: license.product.slug, name: 'Test App' },
      hostname: 'render-node-3',
      alreadyDeactivated: false,
      message: '"render-node-3" is deactivated. This license has 1 of its 2 seats free.',
      seatsUsed: 1,
      seatLimit: 2,
      seatsFree: 1,
    });
    expect(await findSeatById(seatId)).toMatchObject({ status: 'deactivated', releasedBy: 'end user via API' });
    expect(await listUsageRecordsOfLicense(license.licenseId, 10)).toEqual([expect.objectContaining({ seatId, counters: { exports: 12, renders: 3 } })]);
    expect((await listAuditEventsOfLicense(license.licenseId))[0]).toMatchObject({
      action: 'seat.deactivate',
      actorLabel: 'end user via API',
      ip: '198.51.100.4',
      details: { hostname: 'render-node-3', usage: { exports: 12, renders: 3 } },
    });
  });

  it('tells a machine whose lapsed seat another machine took over that nothing changed', async () => {
    const past = new Date(Date.now() - 60 * 86_400_000);
    const license = await createTestLicense({ seats: 1, ttlSeconds: 30 * 86_400, graceSeconds: 7 * 86_400 });
    const old = await makeMachine('old-laptop');
    const taken = await activate({ requestText: await old.request(license, { iat: Math.floor(past.getTime() / 1000) }), actor, now: past });
    if (!taken.ok) throw new Error(taken.message);
    await activated(license, await makeMachine('new-laptop'));
    const before = await countRowsOfEveryTable();
    const result = await deactivate({ deactivationText: await old.deactivation(taken.seatId), actor });
    expect(await countRowsOfEveryTable()).toEqual(before);
    expect(result).toMatchObject({ ok: true, alreadyDeactivated: true, seatsFree: 0 });
    expect(result.ok && result.message).toMatch(
      /^This machine was already replaced by another machine after its lease and grace ended on \d{4}-\d{2}-\d{2}; nothing changed\. The only seat of this license is in use\.$/,
    );
  });

  it('accepts the same file again, changes nothing and says so', async () => {
    const license = await createTestLicense({ seats: 1 });
    const machine = await makeMachine('laptop');
    const seatId = await activated(license, machine);
    const file = await machine.deactivation(seatId);
    expect((await deactivate({ deactivationText: file, actor })).ok).toBe(true);
    const before = await countRowsOfEveryTable();
    const again = await deactivate({ deactivationText: file, actor });
    expect(await countRowsOfEveryTable()).toEqual(before);
    expect(again).toMatchObject({ ok: true, alreadyDeactivated: true, seatsFree: 1 });
    expect(again.ok && again.message).toMatch(/^This machine was already deactivated on \d{4}-\d{2}-\d{2}; nothing changed\. The only seat of this license is free\.$/);
  });

  it('refuses a file signed by another device key, and the seat stays taken', async () => {
    const license = await createTestLicense({ seats: 1 });
    const machine = await makeMachine();
    const seatId = await activated(license, machine);
    // Same seat id and fingerprint, but signed by a key the portal never saw for this seat.
    const impostor = await makeMachine(machine.hostname, { fingerprint: machine.fingerprint });
    const before = await countRowsOfEveryTable();
    const result = await deactivate({ deactivationText: await impostor.deactivation(seatId), actor });
    expect(result).toMatchObject({ ok: false, code: 'ERR_DEVICE_MISMATCH' });
    expect(!result.ok && result.message).toContain('not signed by the machine that holds the seat');
    expect(await countRowsOfEveryTable()).toEqual(before);
    expect((await findSeatById(seatId))!.status).toBe('active');
  });

  it('refuses a file naming another fingerprint than the seat', async () => {
    const license = await createTestLicense({ seats: 1 });
    const machine = await makeMachine();
    const seatId = await activated(license, machine);
    const moved = await makeMachine(machine.hostname, { device: machine.device });
    expect(await deactivate({ deactivationText: await moved.deactivation(seatId), actor })).toMatchObject({ ok: false, code: 'ERR_DEVICE_MISMATCH' });
  });

  it('refuses an unknown seat and an activation request uploaded as a deactivation', async () => {
    const license = await createTestLicense();
    const machine = await makeMachine();
    expect(await deactivate({ deactivationText: await machine.deactivation('no-such-seat'), actor })).toMatchObject({ ok: false, code: 'ERR_SEAT_NOT_FOUND' });
    const wrongKind = await deactivate({ deactivationText: await machine.request(license), actor });
    expect(wrongKind).toMatchObject({ ok: false, code: 'ERR_ARTIFACT_KIND' });
    expect(!wrongKind.ok && wrongKind.message).toMatch(/^This is an activation request, not a deactivation file\./);
  });

  it('lets another machine activate once a full license had a seat deactivated', async () => {
    const license = await createTestLicense({ seats: 1 });
    const first = await makeMachine();
    const seatId = await activated(license, first);
    const second = await makeMachine();
    expect(await activate({ requestText: await second.request(license), actor })).toMatchObject({ ok: false, code: 'ERR_SEATS_EXHAUSTED' });
    expect((await deactivate({ deactivationText: await first.deactivation(seatId), actor })).ok).toBe(true);
    expect(await activate({ requestText: await second.request(license), actor })).toMatchObject({ ok: true, refreshed: false });
    expect(await countActiveSeats(license.licenseId)).toBe(1);
  });
});
