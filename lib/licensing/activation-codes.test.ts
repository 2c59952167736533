import { beforeAll, describe, expect, it } from 'vitest';
import { findSeatById } from '@/db/queries/seats';
import { listAuditEventsOfLicense } from '@/db/queries/support-license-history';
import { countRowsOfEveryTable } from '@/db/queries/table-counts';
import { endUserActor } from '@/lib/core/actor';
import { publicJwks } from '@/lib/instance/keys';
import { activateByCode, deactivateByCode, redeemCode } from '@/lib/licensing/activation-codes';
import { DAY } from '@/lib/licensing/durations';
import { createTestLicense, makeMachine, setUpInstance, type TestLicense, type TestMachine } from '@/lib/testing/licensing-fixtures';
import { createDeactivationCode, createRequestCode, generateEncryptionKeyPair, openResponseCode, portalKeyHint, type JWK } from '@/lib/protocol';

const actor = endUserActor('portal', '203.0.113.9');
beforeAll(setUpInstance);

async function portalJwk(): Promise<JWK> {
  return (await publicJwks()).keys.find((k) => k.use === 'enc')!;
}

async function requestCode(license: TestLicense, machine: TestMachine, options: { product?: string; now?: Date; licenseKey?: string } = {}) {
  return createRequestCode({
    devicePrivateJwk: machine.device.privateJwk,
    fingerprint: machine.fingerprint,
    portalEncryptionJwk: await portalJwk(),
    licenseKey: options.licenseKey ?? license.key,
    product: options.product ?? license.product.slug,
    now: options.now,
  });
}

async function deactivationCode(machine: TestMachine) {
  return createDeactivationCode({ devicePrivateJwk: machine.device.privateJwk, fingerprint: machine.fingerprint, portalEncryptionJwk: await portalJwk() });
}

async function expectNoChange<T>(fn: () => Promise<T>): Promise<T> {
  const before = await countRowsOfEveryTable();
  const result = await fn();
  expect(await countRowsOfEveryTable()).toEqual(before);
  return result;
}

describe('activateByCode', () => {
  it('takes a seat like a file, audits it, and answers with a response code the machine installs', async () => {
    const license = await createTestLicense({ seats: 1, ttlSeconds: 30 * DAY, graceSeconds: 7 * DAY });
    const machine = await makeMachine('lab-07');
    const code = await requestCode(license, machine);
    const result = await activateByCode({ codeText: code.toLowerCase().replace(/-/g, ' '), actor });
    if (!result.ok) throw new Error(result.message);
    expect(result).toMatchObject({ refreshed: false, seatsUsed: 1, seatLimit: 1, kind: 'activation' });
    expect(result.responseCode.replace(/-/g, '')).toHaveLength(30);
    const seat = (await findSeatById(result.seatId))!;
    expect(seat.fingerprint).toMatch(/^code:/);
    const events = (await listAuditEventsOfLicense(license.licenseId)).filter((e) => e.action.startsWith('seat.'));
    expect(events).toEqual([expect.objectContaining({ action: 'seat.activate', targetId: result.seatId })]);
    expect(JSON.stringify(events[0])).toContain('activation code');

    const lease = openResponseCode(result.responseCode, {
      requestCode: code,
      devicePrivateJwk: machine.device.privateJwk,
      fingerprint: machine.fingerprint,
      portalEncryptionJwk: await portalJwk(),
      product: license.product.slug,
    });
    expect(Math.abs(lease.exp - Math.floor(result.leaseEndsAt.getTime() / 1000))).toBeLessThan(60);
    expect(lease.grace).toBe(7 * DAY);
  });

  it('a new code from the same machine renews the same seat; the replayed code is refused and changes nothing', async () => {
    const license = await createTestLicense({ seats: 1 });
    const machine = await makeMachine();
    const first = await requestCode(license, machine);
    const activated = await activateByCode({ codeText: first, actor });
    if (!activated.ok) throw new Error(activated.message);
    const replayed = await expectNoChange(() => activateByCode({ codeText: first, actor }));
    expect(replayed).toMatchObject({ ok: false, code: 'ERR_REQUEST_REPLAYED' });
    expect(replayed.ok ? '' : replayed.message).toContain('This activation request was already used.');
    // A minute later the machine makes a new code (another nonce and time): same seat, renewed.
    const second = await requestCode(license, machine, { now: new Date(Date.now() + 60_000) });
    const renewed = await activateByCode({ codeText: second, actor, now: new Date(Date.now() + 60_000) });
    expect(renewed).toMatchObject({ ok: true, refreshed: true, seatId: activated.seatId, seatsUsed: 1 });
  });

  it('refuses with the words a file gets: seats, wrong product, unknown key, deactivation code given, mistyped', async () => {
    const license = await createTestLicense({ seats: 1 });
    const a = await makeMachine();
    const b = await makeMachine();
    expect((await activateByCode({ codeText: await requestCode(license, a), actor })).ok).toBe(true);
    const full = await expectNoChange(async () => activateByCode({ codeText: await requestCode(license, b), actor }));
    expect(full).toMatchObject({ ok: false, code: 'ERR_SEATS_EXHAUSTED', message: 'The only seat of this license is in use. Deactivate the license on another machine, or ask support to release a lost one.' });

    const other = await createTestLicense();
    const wrongProduct = await expectNoChange(async () => activateByCode({ codeText: await requestCode(license, b, { product: other.product.slug }), actor }));
    expect(wrongProduct).toMatchObject({ ok: false, code: 'ERR_WRONG_PRODUCT' });
    expect(wrongProduct.ok ? '' : wrongProduct.message).toContain(`("${other.product.slug}")`);

    const unknownKey = await expectNoChange(async () => activateByCode({ codeText: await requestCode(license, b, { licenseKey: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' }), actor }));
    expect(unknownKey).toMatchObject({ ok: false, code: 'ERR_LICENSE_NOT_FOUND' });

    const deactivation = await expectNoChange(async () => activateByCode({ codeText: await deactivationCode(a), actor }));
    expect(deactivation).toMatchObject({ ok: false, code: 'ERR_ARTIFACT_KIND', message: expect.stringContaining('This is a deactivation code, not an activation request code.') });

    const code = (await requestCode(license, b)).split('-');
    code[3] = code[3]!.replace(/^./, (c) => (c === 'Z' ? 'Y' : 'Z'));
    const mistyped = await expectNoChange(() => activateByCode({ codeText: code.join('-'), actor }));
    expect(mistyped).toMatchObject({ ok: false, code: 'ERR_CODE_MISTYPED', message: expect.stringContaining('Group 4 of this activation request code looks mistyped') });

    const old = await expectNoChange(async () => activateByCode({ codeText: await requestCode(license, b, { now: new Date(Date.now() - 30 * DAY * 1000) }), actor }));
    expect(old).toMatchObject({ ok: false, code: 'ERR_REQUEST_EXPIRED' });
  });
});

describe('codes for another portal', () => {
  it('are refused as made for another Gatepass portal, and change nothing', async () => {
    const license = await createTestLicense();
    const machine = await makeMachine();
    const ours = portalKeyHint(await portalJwk());
    let other = await generateEncryptionKeyPair();
    // The code names its portal key by 6 bits: take a key that another portal would have.
    while (portalKeyHint(other.publicJwk) === ours) other = await generateEncryptionKeyPair();
    const base = { devicePrivateJwk: machine.device.privateJwk, fingerprint: machine.fingerprint, portalEncryptionJwk: other.publicJwk };
    const request = await expectNoChange(() => activateByCode({ codeText: createRequestCode({ ...base, licenseKey: license.key, product: license.product.slug }), actor }));
    expect(request).toMatchObject({ ok: false, code: 'ERR_UNKNOWN_KEY', message: expect.stringContaining('This activation request code was made for another Gatepass portal. Enter it at the portal') });
    const deactivation = await expectNoChange(() => deactivateByCode({ codeText: createDeactivationCode(base), actor }));
    expect(deactivation).toMatchObject({ ok: false, code: 'ERR_UNKNOWN_KEY' });
  });
});

describe('deactivateByCode', () => {
  it('frees the seat with the device proof; a second machine then activates; a replay changes nothing', async () => {
    const license = await createTestLicense({ seats: 1 });
    const a = await makeMachine();
    const b = await makeMachine();
    const activated = await activateByCode({ codeText: await requestCode(license, a), actor });
    if (!activated.ok) throw new Error(activated.message);
    // Another machine's deactivation code names another device key: no seat of its own.
    const stranger = await expectNoChange(async () => deactivateByCode({ codeText: await deactivationCode(b), actor }));
    expect(stranger).toMatchObject({ ok: false, code: 'ERR_SEAT_NOT_FOUND', message: expect.stringContaining('No seat matches this deactivation code.') });

    const code = await deactivationCode(a);
    const freed = await redeemCode({ codeText: code, actor });
    expect(freed).toMatchObject({ ok: true, codeKind: 'deactivation', alreadyDeactivated: false, seatsFree: 1 });
    expect((await findSeatById(activated.seatId))!.status).toBe('deactivated');
    const again = await expectNoChange(() => deactivateByCode({ codeText: code, actor }));
    expect(again).toMatchObject({ ok: true, alreadyDeactivated: true });

    expect(await redeemCode({ codeText: await requestCode(license, b), actor })).toMatchObject({ ok: true, codeKind: 'request', refreshed: false });
  });

  it('a request code given as a deactivation is refused', async () => {
    const license = await createTestLicense();
    const result = await expectNoChange(async () => deactivateByCode({ codeText: await requestCode(license, await makeMachine()), actor }));
    expect(result).toMatchObject({ ok: false, code: 'ERR_ARTIFACT_KIND', message: expect.stringContaining('This is an activation request code, not a deactivation code.') });
  });
});
