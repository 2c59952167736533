import { beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { writeTransaction } from '@/db/client';
import { endActiveSeat, insertActiveSeat, updateSeatLease } from '@/db/queries/seats';
import { createUser } from '@/lib/auth/users';
import { publicJwks } from '@/lib/instance/keys';
import { activate } from '@/lib/licensing/activate';
import { endUserActor, SYSTEM_ACTOR, type Actor } from '@/lib/core/actor';
import { deactivate } from '@/lib/licensing/deactivate';
import { DAY } from '@/lib/licensing/durations';
import { reissueSeat } from '@/lib/licensing/refresh-seat';
import { releaseSeat } from '@/lib/licensing/release-seat';
import { supportLicenseDetail } from '@/lib/licensing/support-license-detail';
import { addSupportNote } from '@/lib/licensing/support-notes';
import { createTestLicense, makeMachine, setUpInstance, type TestLicense, type TestMachine } from '@/lib/testing/licensing-fixtures';
import { verifyLicenseFile } from '@/lib/protocol';

const portal = endUserActor('portal', '203.0.113.7');
let staff: Actor;

beforeAll(async () => {
  await setUpInstance();
  const created = await createUser({ email: 'desk@support.test', role: 'support', password: 'a long enough password' }, SYSTEM_ACTOR);
  if (!created.ok) throw new Error(created.message);
  staff = { type: 'user', id: created.id, label: 'desk@support.test', ip: '198.51.100.4' };
});

async function activateNew(license: TestLicense, hostname: string): Promise<{ machine: TestMachine; seatId: string }> {
  const machine = await makeMachine(hostname);
  const result = await activate({ requestText: await machine.request(license), actor: portal });
  if (!result.ok) throw new Error(result.message);
  return { machine, seatId: result.seatId };
}

async function detailOf(licenseId: string) {
  const result = await supportLicenseDetail(licenseId);
  if (!result.ok) throw new Error(result.message);
  return result.license;
}

describe('supportLicenseDetail', () => {
  it('shows the full key, every seat with its state, the issued files, usage, notes and the audit trail', async () => {
    const license = await createTestLicense({ seats: 3 });
    const kept = await activateNew(license, 'kept-pc');
    const lost = await activateNew(license, 'lost-pc');
    const returned = await activateNew(license, 'returned-pc');
    const lapsed = new Date(Date.now() - DAY);
    await updateSeatLease(kept.seatId, { leaseEndsAt: lapsed, graceEndsAt: lapsed });
    await releaseSeat({ licenseId: license.licenseId, seatId: lost.seatId, reason: 'stolen' }, staff);
    await deactivate({ deactivationText: await returned.machine.deactivation(returned.seatId, { exports: 12 }), actor: portal });
    await addSupportNote({ licenseId: license.licenseId, body: 'Called on Monday.' }, staff);

    const detail = await detailOf(license.licenseId);
    expect(detail).toMatchObject({ key: license.key, status: 'active', seatsUsed: 1, plan: { seatLimit: 3 } });
    const states = Object.fromEntries(detail.seats.map((seat) => [seat.hostname, [seat.state, seat.releasable, seat.reissuable]]));
    expect(states).toEqual({ 'kept-pc': ['lapsed', true, true], 'lost-pc': ['released', false, false], 'returned-pc': ['deactivated', false, false] });
    expect(detail.seats.find((seat) => seat.hostname === 'lost-pc')).toMatchObject({ releasedBy: 'desk@support.test', releaseReason: 'stolen' });
    expect(detail.files.map((file) => [file.kind, file.issuedBy])).toEqual([
      ['activation', 'end user via portal'],
      ['activation', 'end user via portal'],
      ['activation', 'end user via portal'],
    ]);
    expect(detail.usage).toEqual([expect.objectContaining({ hostname: 'returned-pc', counters: { exports: 12 } })]);
    expect(detail.notes).toEqual([expect.objectContaining({ body: 'Called on Monday.', authorEmail: 'desk@support.test' })]);
    expect(detail.auditTrail.map((event) => event.action).slice(0, 3)).toEqual(['license.note', 'seat.deactivate', 'seat.release']);
  });

  it('lists a re-issued file with the staff member who issued it, and the file verifies on the machine', async () => {
    const license = await createTestLicense({ seats: 1 });
    const { machine, seatId } = await activateNew(license, 'field-laptop');
    const reissued = await reissueSeat(seatId, staff);
    if (!reissued.ok) throw new Error(reissued.message);
    const { claims } = await verifyLicenseFile(reissued.licenseFile, {
      jwks: await publicJwks(),
      fingerprint: machine.fingerprint,
      licenseKey: license.key,
      product: license.product.slug,
    });
    expect(claims.seat_id).toBe(seatId);
    const [newest] = (await detailOf(license.licenseId)).files;
    expect(newest).toMatchObject({ id: reissued.fileId, kind: 'reissue', issuedBy: 'desk@support.test', hostname: 'field-laptop' });
  });

  it('marks no seat re-issuable once the license expired, and says why', async () => {
    const license = await createTestLicense({ seats: 1, expiresAt: new Date(Date.now() + 2 * DAY) });
    await activateNew(license, 'expiring-pc');
    const detail = await supportLicenseDetail(license.licenseId, new Date(Date.now() + 3 * DAY));
    if (!detail.ok) throw new Error(detail.message);
    expect(detail.license.status).toBe('expired');
    expect(detail.license.unusableReason).toMatch(/^This license expired on /);
    expect(detail.license.seats.map((seat) => [seat.releasable, seat.reissuable])).toEqual([[true, false]]);
  });

  it('pages the seats, live ones first, and says which of how many are shown', async () => {
    const license = await createTestLicense({ seats: 100 });
    const start = Date.now() - 100 * DAY * 1000;
    // 60 seats, the first 15 of them freed again: fast rows, as activation writes them.
    await writeTransaction(async (tx) => {
      for (let i = 0; i < 60; i++) {
        const at = new Date(start + i * 60_000);
        const id = crypto.randomUUID();
        await insertActiveSeat(
          { id, licenseId: license.licenseId, fingerprint: id, devicePublicJwk: {}, deviceThumbprint: 't', hostname: `pc-${i}`, status: 'active', activatedAt: at, lastIssuedAt: at, leaseEndsAt: new Date(Date.now() + DAY * 1000), graceEndsAt: new Date(Date.now() + 2 * DAY * 1000) },
          tx,
        );
        if (i < 15) await endActiveSeat(id, { status: 'released', releasedAt: at, releaseReason: 'test', releasedBy: 'desk@support.test' }, tx);
      }
    });
    const first = await supportLicenseDetail(license.licenseId);
    if (!first.ok) throw new Error(first.message);
    expect(first.license.seatsUsed).toBe(45);
    expect(first.license.seatPage).toEqual({ page: 1, pageCount: 2, perPage: 50, total: 60, from: 1, to: 50 });
    expect(first.license.seats).toHaveLength(50);
    // Live seats first, newest first: pc-59 … pc-15, then the newest freed ones.
    expect(first.license.seats.slice(0, 45).every((seat) => seat.releasable)).toBe(true);
    expect(first.license.seats[0]!.hostname).toBe('pc-59');
    expect(first.license.seats.slice(45).map((seat) => seat.hostname)).toEqual(['pc-14', 'pc-13', 'pc-12', 'pc-11', 'pc-10']);
    const second = await supportLicenseDetail(license.licenseId, new Date(), 2);
    if (!second.ok) throw new Error(second.message);
    expect(second.license.seatPage).toEqual({ page: 2, pageCount: 2, perPage: 50, total: 60, from: 51, to: 60 });
    expect(second.license.seats.map((seat) => seat.hostname)).toEqual(['pc-9', 'pc-8', 'pc-7', 'pc-6', 'pc-5', 'pc-4', 'pc-3', 'pc-2', 'pc-1', 'pc-0']);
    // A page past the end shows the last one.
    const past = await supportLicenseDetail(license.licenseId, new Date(), 99);
    expect(past.ok && past.license.seatPage).toMatchObject({ page: 2, from: 51, to: 60 });
  });

  it('answers not found for an unknown license', async () => {
    expect(await supportLicenseDetail('nope')).toMatchObject({ ok: false, code: 'ERR_LICENSE_NOT_FOUND' });
  });
});
