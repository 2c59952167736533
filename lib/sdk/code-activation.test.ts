/**
 * The SDK's air-gapped path against a portal made of lib/protocol alone (the portal side
 * with a database is lib/licensing/activation-codes.test.ts): a response code installs
 * only where it was asked for, and `check()` reports the same states as a license file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResponseCode, readDeviceCode, verifyDeviceCodeTag } from '../protocol';
import type { Fixture } from '../protocol/test-fixtures';
import { publicJwks } from '../protocol';
import { createGatepassClient } from './client';
import { makeTestPortal, type TestPortal } from './test-portal';

const DAY = 86_400;
const T0 = new Date('2026-03-01T12:00:00Z');
const KEY = 'BVJMY-5HMTP-7PWR3-5CC3H-60X8D';
let portal: TestPortal;
let f: Fixture;
const dirs: string[] = [];

beforeAll(async () => {
  portal = await makeTestPortal();
  f = portal.f;
});
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function machine(fingerprint = 'fp-a', stateDir?: string) {
  const dir = stateDir ?? (await mkdtemp(join(tmpdir(), 'gatepass-code-')));
  dirs.push(dir);
  const clock = { now: T0 };
  const gp = createGatepassClient({ product: 'photo-pro', jwks: publicJwks([f.signing, f.encryption]), fingerprint, stateDir: dir, now: () => clock.now });
  return { gp, clock, dir };
}

/** What the portal does with a request code, minus the database. */
function portalAnswers(requestCode: string, lease = 30 * DAY, grace = 7 * DAY): string {
  const code = readDeviceCode(requestCode, 'request');
  expect(verifyDeviceCodeTag(code, { portalPrivateJwk: f.encryption.privateJwk, licenseKey: KEY, product: 'photo-pro' })).toBe(true);
  return createResponseCode(code, { portalPrivateJwk: f.encryption.privateJwk, product: 'photo-pro', terms: { exp: code.iat + lease, grace } });
}

describe('air-gapped SDK', () => {
  it('installs a response code offline and reports valid, expiring, grace, expired and clock tampering', async () => {
    const { gp, clock } = await machine();
    const request = await gp.createRequestCode({ licenseKey: KEY.toLowerCase() });
    const response = portalAnswers(request);
    const installed = await gp.installResponseCode(response.toLowerCase());
    expect(installed).toMatchObject({ status: 'valid', ok: true, daysLeft: 30 });
    const start = readDeviceCode(request).iat * 1000;
    clock.now = new Date(start + 25 * DAY * 1000);
    expect(await gp.check()).toMatchObject({ status: 'expiring', ok: true, daysLeft: 5 });
    clock.now = new Date(start + 32 * DAY * 1000);
    expect(await gp.check()).toMatchObject({ status: 'grace', ok: true });
    clock.now = new Date(start + 38 * DAY * 1000);
    expect(await gp.check()).toMatchObject({ status: 'expired', ok: false });
    clock.now = new Date(start - DAY * 1000);
    expect(await gp.check()).toMatchObject({ status: 'clock-tampered', ok: false });
  });

  it('a response code for one machine is refused on another with the same license key', async () => {
    const a = await machine('fp-a');
    const b = await machine('fp-b');
    const response = portalAnswers(await a.gp.createRequestCode({ licenseKey: KEY }));
    await b.gp.createRequestCode({ licenseKey: KEY });
    await expect(b.gp.installResponseCode(response)).rejects.toMatchObject({ code: 'ERR_WRONG_DEVICE' });
    expect(await b.gp.check()).toMatchObject({ status: 'not-activated' });
    // The same state directory on another machine (another fingerprint) does not open it either.
    const copied = await machine('fp-other-hardware', a.dir);
    await expect(copied.gp.installResponseCode(response)).rejects.toMatchObject({ code: 'ERR_WRONG_DEVICE' });
    expect(await a.gp.installResponseCode(response)).toMatchObject({ status: 'valid' });
  });

  it('an old response cannot replace a newer lease, and a deactivation code removes the lease', async () => {
    const { gp, clock } = await machine();
    const first = portalAnswers(await gp.createRequestCode({ licenseKey: KEY }), 3 * DAY);
    await gp.installResponseCode(first);
    clock.now = new Date(T0.getTime() + 2 * DAY * 1000);
    const second = portalAnswers(await gp.createRequestCode({ licenseKey: KEY }), 30 * DAY);
    await expect(gp.installResponseCode(first)).rejects.toMatchObject({ code: 'ERR_WRONG_DEVICE' });
    expect(await gp.installResponseCode(second)).toMatchObject({ status: 'valid', daysLeft: 30 });
    await expect(gp.installResponseCode(first)).rejects.toMatchObject({ code: 'ERR_WRONG_DEVICE' });

    const deactivation = await gp.createDeactivationCode();
    expect(readDeviceCode(deactivation, 'deactivation').devicePublicKey).toEqual(readDeviceCode(await gp.createRequestCode({ licenseKey: KEY }), 'request').devicePublicKey);
    expect(await gp.check()).toMatchObject({ status: 'not-activated' });
    await expect(gp.createDeactivationCode()).rejects.toMatchObject({ code: 'ERR_NOT_ACTIVATED' });
  });

  it('a license file installed later replaces the code lease, so deactivating that file leaves no lease behind', async () => {
    const { gp } = await machine();
    await gp.installResponseCode(portalAnswers(await gp.createRequestCode({ licenseKey: KEY })));
    expect(await gp.check()).toMatchObject({ status: 'valid', features: [] });
    const file = await portal.issue(await gp.createActivationRequest({ licenseKey: KEY }), {}, T0);
    expect(await gp.installLicense(file)).toMatchObject({ status: 'valid', features: ['export'] });
    await gp.createDeactivation();
    expect(await gp.check()).toMatchObject({ status: 'not-activated' });
  });

  it('installing without a pending request says what to do', async () => {
    const { gp } = await machine();
    await expect(gp.installResponseCode('1A607-09V01-ANRGG-8J3KF-GRMA3-K6X92')).rejects.toMatchObject({ code: 'ERR_NO_PENDING_CODE' });
  });
});
