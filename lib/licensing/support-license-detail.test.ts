import { beforeAll, describe, expect, it } from 'vitest';
import { updateSeat } from '@/db/queries/seats';
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

function detailOf(licenseId: string) {
  const result = supportLicenseDetail(licenseId);
  if (!result.ok) throw new Error(result.message);
  return result.license;
}

describe('supportLicenseDetail', () => {
  it('shows the full key, every seat with its state, the issued files, usage, notes and the audit trail', async () => {
    const license = createTestLicense({ seats: 3 });
    const kept = await activateNew(license, 'kept-pc');
    const lost = await activateNew(license, 'lost-pc');
    const returned = await activateNew(license, 'returned-pc');
    const lapsed = new Date(Date.now() - DAY);
    updateSeat(kept.seatId, { leaseEndsAt: lapsed, graceEndsAt: lapsed });
    releaseSeat({ licenseId: license.licenseId, seatId: lost.seatId, reason: 'stolen' }, staff);
    await deactivate({ deactivationText: await returned.machine.deactivation(returned.seatId, { exports: 12 }), actor: portal });
    addSupportNote({ licenseId: license.licenseId, body: 'Called on Monday.' }, staff);

    const detail = detailOf(license.licenseId);
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
    const license = createTestLicense({ seats: 1 });
    const { machine, seatId } = await activateNew(license, 'field-laptop');
    const reissued = await reissueSeat(seatId, staff);
    if (!reissued.ok) throw new Error(reissued.message);
    const { claims } = await verifyLicenseFile(reissued.licenseFile, {
      jwks: publicJwks(),
      fingerprint: machine.fingerprint,
      licenseKey: license.key,
      product: license.product.slug,
    });
    expect(claims.seat_id).toBe(seatId);
    const [newest] = detailOf(license.licenseId).files;
    expect(newest).toMatchObject({ id: reissued.fileId, kind: 'reissue', issuedBy: 'desk@support.test', hostname: 'field-laptop' });
  });

  it('marks no seat re-issuable once the license expired, and says why', async () => {
    const license = createTestLicense({ seats: 1, expiresAt: new Date(Date.now() + 2 * DAY) });
    await activateNew(license, 'expiring-pc');
    const detail = supportLicenseDetail(license.licenseId, new Date(Date.now() + 3 * DAY));
    if (!detail.ok) throw new Error(detail.message);
    expect(detail.license.status).toBe('expired');
    expect(detail.license.unusableReason).toMatch(/^This license expired on /);
    expect(detail.license.seats.map((seat) => [seat.releasable, seat.reissuable])).toEqual([[true, false]]);
  });

  it('answers not found for an unknown license', () => {
    expect(supportLicenseDetail('nope')).toMatchObject({ ok: false, code: 'ERR_LICENSE_NOT_FOUND' });
  });
});
