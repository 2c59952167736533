import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { armor, dearmor, openDeactivation, protocolErrorMessage, publicJwks } from '../protocol';
import { createGatepassClient, type GatepassClientOptions } from './client';
import { SdkError, sdkErrorMessage } from './errors';
import { STATE_FILES } from './state-store';
import { makeTestPortal, serveTestPortal, type TestPortal } from './test-portal';

const DAY = 86_400_000;
const T0 = new Date('2026-03-01T12:00:00Z');
let portal: TestPortal;
const dirs: string[] = [];

beforeAll(async () => {
  portal = await makeTestPortal();
});
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function client(extra: Partial<GatepassClientOptions> & { clock?: { now: Date } } = {}) {
  const dir = extra.stateDir ?? (await mkdtemp(join(tmpdir(), 'gatepass-sdk-')));
  dirs.push(dir);
  const clock = extra.clock ?? { now: T0 };
  return {
    clock,
    gp: createGatepassClient({ product: 'photo-pro', jwks: portal.jwks, fingerprint: 'fp-machine-a', now: () => clock.now, ...extra, stateDir: dir }),
  };
}

async function activated(extra: Parameters<typeof client>[0] = {}) {
  const c = await client(extra);
  const request = await c.gp.createActivationRequest({ licenseKey: ' GP-ABCD-EFGH ' });
  const license = await portal.issue(request, {}, c.clock.now);
  return { ...c, request, license };
}

describe('createGatepassClient (offline)', () => {
  it('stores a Gatepass key in its printed form, however the user typed it', async () => {
    const { gp } = await client();
    await gp.createActivationRequest({ licenseKey: ' bvjmy 5hmtp 7pwr3 5cc3h 6ox8d ' });
    expect(JSON.parse(await readFile(join(gp.stateDir, STATE_FILES.licenseKey), 'utf8'))).toEqual({ license_key: 'BVJMY-5HMTP-7PWR3-5CC3H-60X8D' });
  });

  it('reports not-activated before anything is installed', async () => {
    const { gp } = await client();
    await expect(gp.check()).resolves.toEqual({
      status: 'not-activated', ok: false, reason: 'ERR_NOT_ACTIVATED', message: sdkErrorMessage('ERR_NOT_ACTIVATED'), features: [],
    });
  });

  it('activates offline: request → portal → install → valid, with private state files', async () => {
    const { gp, license } = await activated();
    const result = await gp.installLicense(`Your license:\n\n${license}\n-- the portal`);
    expect(result).toMatchObject({ status: 'valid', ok: true, features: ['export'], daysLeft: 30 });
    expect(result.leaseEnd).toEqual(new Date(T0.getTime() + 30 * DAY));
    expect(await readFile(join(gp.stateDir, STATE_FILES.license), 'utf8')).toBe(license);
    for (const name of [STATE_FILES.deviceKey, STATE_FILES.licenseKey, STATE_FILES.license]) {
      expect((await stat(join(gp.stateDir, name))).mode & 0o777).toBe(0o600);
    }
    // The stored key is the trimmed one: the portal derives the same encryption key from it.
    expect(JSON.parse(await readFile(join(gp.stateDir, STATE_FILES.licenseKey), 'utf8'))).toEqual({ license_key: 'GP-ABCD-EFGH' });
  });

  it('keeps one device key per state directory', async () => {
    const { gp, clock } = await client();
    await gp.createActivationRequest({ licenseKey: 'K-1' });
    const first = await readFile(join(gp.stateDir, STATE_FILES.deviceKey), 'utf8');
    const again = createGatepassClient({ product: 'photo-pro', jwks: portal.jwks, fingerprint: 'fp-machine-a', stateDir: gp.stateDir, now: () => clock.now });
    await again.createActivationRequest({ licenseKey: 'K-1' });
    expect(await readFile(join(gp.stateDir, STATE_FILES.deviceKey), 'utf8')).toBe(first);
  });

  it('refuses a license for another machine, another product or another device key, and stores nothing', async () => {
    const { license } = await activated();
    const { gp: otherMachine } = await client({ fingerprint: 'fp-machine-b' });
    await otherMachine.createActivationRequest({ licenseKey: 'GP-ABCD-EFGH' });
    await expect(otherMachine.installLicense(license)).rejects.toMatchObject({
      code: 'ERR_DECRYPT_FAILED', message: protocolErrorMessage('ERR_DECRYPT_FAILED', { kind: 'license' }),
    });
    // Same fingerprint, other installation (other device key): the thumbprint does not match.
    const { gp: sameMachineOtherKey } = await client();
    await sameMachineOtherKey.createActivationRequest({ licenseKey: 'GP-ABCD-EFGH' });
    await expect(sameMachineOtherKey.installLicense(license)).rejects.toMatchObject({
      code: 'ERR_WRONG_DEVICE', message: protocolErrorMessage('ERR_WRONG_DEVICE', { kind: 'license' }),
    });
    const { gp: otherProduct } = await client({ product: 'video-pro' });
    const request = await otherProduct.createActivationRequest({ licenseKey: 'GP-ABCD-EFGH' });
    const videoLicense = await portal.issue(request, { product: 'photo-pro' }, T0);
    await expect(otherProduct.installLicense(videoLicense)).rejects.toMatchObject({ code: 'ERR_WRONG_PRODUCT' });
    for (const gp of [otherMachine, sameMachineOtherKey, otherProduct]) {
      expect((await gp.check()).status).toBe('not-activated');
    }
  });

  it('reports a tampered stored license as invalid with its reason', async () => {
    const { gp, license } = await activated();
    await gp.installLicense(license);
    const compact = dearmor(license, 'license');
    const i = compact.indexOf('.') + 10;
    const tampered = compact.slice(0, i) + (compact[i] === 'A' ? 'B' : 'A') + compact.slice(i + 1);
    await writeFile(join(gp.stateDir, STATE_FILES.license), armor('license', tampered));
    await expect(gp.check()).resolves.toMatchObject({
      status: 'invalid', ok: false, reason: 'ERR_SIGNATURE_INVALID', message: protocolErrorMessage('ERR_SIGNATURE_INVALID', { kind: 'license' }), features: [],
    });
  });

  it('walks expiring, grace and expired as the clock moves', async () => {
    const { gp, license, clock } = await activated();
    await gp.installLicense(license);
    clock.now = new Date(T0.getTime() + 24 * DAY - 1000);
    expect(await gp.check()).toMatchObject({ status: 'valid', ok: true });
    clock.now = new Date(T0.getTime() + 24 * DAY);
    expect(await gp.check()).toMatchObject({ status: 'expiring', ok: true, daysLeft: 6, message: expect.stringContaining('ends in 6 days (') });
    clock.now = new Date(T0.getTime() + 30 * DAY - 16 * 60_000);
    expect(await gp.check()).toMatchObject({ status: 'expiring', message: expect.stringContaining('ends in 16 minutes') });
    clock.now = new Date(T0.getTime() + 30 * DAY);
    expect(await gp.check()).toMatchObject({ status: 'grace', ok: true, daysLeft: 0 });
    clock.now = new Date(T0.getTime() + 33 * DAY);
    const expired = await gp.check();
    expect(expired).toMatchObject({ status: 'expired', ok: false });
    expect(expired.message).toMatch(/ended on 2026-03-31/);
  });

  it('reports clock rollback before last-seen as tampered and does not move last-seen back', async () => {
    const { gp, license, clock } = await activated();
    await gp.installLicense(license);
    clock.now = new Date(T0.getTime() + 10 * DAY);
    expect((await gp.check()).status).toBe('valid');
    clock.now = new Date(T0.getTime() + 10 * DAY - 299_000); // inside the 300 s skew
    expect((await gp.check()).status).toBe('valid');
    clock.now = new Date(T0.getTime() + 5 * DAY);
    expect(await gp.check()).toMatchObject({ status: 'clock-tampered', ok: false, tamperReason: 'clock-before-last-seen' });
    const lastSeen = JSON.parse(await readFile(join(gp.stateDir, STATE_FILES.lastSeen), 'utf8'));
    expect(lastSeen.last_seen_ms).toBe(T0.getTime() + 10 * DAY);
    clock.now = new Date(T0.getTime() - DAY);
    expect(await gp.check()).toMatchObject({ status: 'clock-tampered', tamperReason: 'clock-before-issued' });
  });

  it('clears a false clock-tampered state when a newer file from the portal is installed at the correct time', async () => {
    const { gp, license, clock, request } = await activated();
    await gp.installLicense(license);
    clock.now = new Date(T0.getTime() + 365 * DAY); // the clock was set a year ahead once
    expect((await gp.check()).status).toBe('expired');
    clock.now = new Date(T0.getTime() + DAY / 2); // back to the correct time
    expect(await gp.check()).toMatchObject({ status: 'clock-tampered', tamperReason: 'clock-before-last-seen', message: expect.stringContaining('refresh the license') });
    // Installing the same (old) file again proves nothing: its server time is not newer.
    await gp.installLicense(license);
    expect((await gp.check()).status).toBe('clock-tampered');
    // A refresh at the correct time: the file's signed iat is the portal's time.
    const refreshed = await portal.issue(request, { jti: 'lic-refresh' }, clock.now);
    expect(await gp.installLicense(refreshed)).toMatchObject({ status: 'valid', ok: true });
    const watermark = JSON.parse(await readFile(join(gp.stateDir, STATE_FILES.lastSeen), 'utf8'));
    expect(watermark).toMatchObject({ last_seen_ms: clock.now.getTime(), server_time_ms: clock.now.getTime() });
  });

  it('never moves a genuine last-seen back when a file is installed late, and refuses a clock set back after it', async () => {
    const { gp, request, clock } = await activated();
    const issuedAt = new Date(T0.getTime() + DAY);
    const late = await portal.issue(request, {}, issuedAt);
    clock.now = new Date(T0.getTime() + 3 * DAY); // carried by hand for two days
    expect((await gp.installLicense(late)).status).toBe('valid');
    clock.now = new Date(T0.getTime() + 1.5 * DAY);
    expect(await gp.check()).toMatchObject({ status: 'clock-tampered', tamperReason: 'clock-before-last-seen' });
  });

  it('says when the clock is before the file was issued, in its own words', async () => {
    const { gp, license, clock } = await activated();
    clock.now = new Date(T0.getTime() - DAY);
    const check = await gp.installLicense(license);
    expect(check).toMatchObject({ status: 'clock-tampered', tamperReason: 'clock-before-issued' });
    expect(check.message).toContain('earlier than the time the license file was issued (2026-03-01T12:00:00.000Z)');
  });

  it('reports a clock before the file was issued as tampered', async () => {
    const { gp, license, clock } = await activated();
    clock.now = new Date(T0.getTime() - 301_000);
    expect(await gp.installLicense(license)).toMatchObject({ status: 'clock-tampered', ok: false, tamperReason: 'clock-before-issued' });
    clock.now = new Date(T0.getTime() - 300_000);
    expect(await gp.check()).toMatchObject({ status: 'valid', ok: true });
  });

  it('deactivates offline: the portal sees this seat and device; the license is gone at once', async () => {
    const { gp, license } = await activated();
    await gp.installLicense(license);
    const text = await gp.createDeactivation({ usage: { exports: 4 } });
    expect((await gp.check()).status).toBe('not-activated');
    const opened = await openDeactivation(text, { decryptionKeys: [portal.f.encryption] });
    expect(opened.claims).toMatchObject({ seat_id: 'seat_01', fingerprint: 'fp-machine-a', usage: { exports: 4 } });
    const device = JSON.parse(await readFile(join(gp.stateDir, STATE_FILES.deviceKey), 'utf8'));
    expect(opened.deviceThumbprint).toBe(device.kid);
    await expect(gp.createDeactivation()).rejects.toMatchObject({ code: 'ERR_NOT_ACTIVATED' });
  });

  it('refuses to make files without the portal key in its JWKS', async () => {
    const { gp } = await client({ jwks: publicJwks([portal.f.signing]) });
    await expect(gp.createActivationRequest({ licenseKey: 'K' })).rejects.toMatchObject({ code: 'ERR_NO_PORTAL_KEY', message: sdkErrorMessage('ERR_NO_PORTAL_KEY') });
  });
});

describe('createGatepassClient (online)', () => {
  it('activates (201), refreshes (200) and deactivates through the API', async () => {
    const { url, server, requests } = await serveTestPortal(portal);
    try {
      const { gp } = await client({ portalUrl: `${url}/`, clock: { now: new Date() } });
      const first = await gp.activateOnline({ licenseKey: 'GP-ONLINE' });
      expect(first.created).toBe(true);
      expect(first.check).toMatchObject({ status: 'valid', ok: true });
      expect(requests.at(-1)?.seat_id).toBeUndefined();
      const again = await gp.refreshOnline();
      // A refresh names the installed seat, so the portal can never answer it with a new seat.
      expect(requests.at(-1)?.seat_id).toBe('seat_01');
      expect(again.created).toBe(false);
      expect(again.check.ok).toBe(true);
      const before = portal.deactivations.length;
      await gp.deactivateOnline({ usage: { exports: 1 } });
      expect(portal.deactivations.length).toBe(before + 1);
      expect(portal.deactivations.at(-1)!.claims.usage).toEqual({ exports: 1 });
      expect((await gp.check()).status).toBe('not-activated');
    } finally {
      server.close();
    }
  });

  it("passes the portal's own error code and words through", async () => {
    const refuse = { status: 409, code: 'ERR_SEATS_EXHAUSTED', message: 'All 3 seats are in use. Deactivate a machine or ask support.' };
    const { url, server } = await serveTestPortal(portal, { refuse });
    try {
      const { gp } = await client({ portalUrl: url, clock: { now: new Date() } });
      const error = await gp.activateOnline({ licenseKey: 'GP-ONLINE' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SdkError);
      expect(error).toMatchObject({ code: 'ERR_PORTAL_REJECTED', portalCode: 'ERR_SEATS_EXHAUSTED', httpStatus: 409, message: refuse.message });
    } finally {
      server.close();
    }
  });

  it('saves the deactivation file when the portal is unreachable', async () => {
    const { url, server } = await serveTestPortal(portal);
    const { gp } = await client({ portalUrl: url, clock: { now: new Date() } });
    await gp.activateOnline({ licenseKey: 'GP-ONLINE' });
    await new Promise((resolve) => server.close(resolve));
    const error = (await gp.deactivateOnline().catch((e: unknown) => e)) as SdkError;
    expect(error.code).toBe('ERR_PORTAL_UNREACHABLE');
    expect(error.message).toContain(sdkErrorMessage('ERR_PORTAL_UNREACHABLE'));
    expect(error.savedFile).toBe(join(gp.stateDir, STATE_FILES.pendingDeactivation));
    await expect(openDeactivation(await readFile(error.savedFile!, 'utf8'), { decryptionKeys: [portal.f.encryption] })).resolves.toBeDefined();
    expect((await gp.check()).status).toBe('not-activated');
    expect(await gp.pendingDeactivation()).toBe(error.savedFile);

    // Once the portal is back, a second online deactivation sends the saved file.
    const back = await serveTestPortal(portal);
    try {
      const { gp: again } = await client({ stateDir: gp.stateDir, portalUrl: back.url, clock: { now: new Date() } });
      const before = portal.deactivations.length;
      await again.deactivateOnline();
      expect(portal.deactivations.length).toBe(before + 1);
      expect(await again.pendingDeactivation()).toBeNull();
    } finally {
      back.server.close();
    }
  });

  it('needs a portal URL and a stored key for online calls', async () => {
    const { gp } = await client();
    await expect(gp.activateOnline({ licenseKey: 'K' })).rejects.toMatchObject({ code: 'ERR_NO_PORTAL_URL' });
    const { gp: withUrl } = await client({ portalUrl: 'http://127.0.0.1:9' });
    await expect(withUrl.refreshOnline()).rejects.toMatchObject({ code: 'ERR_NOT_ACTIVATED' });
  });
});
