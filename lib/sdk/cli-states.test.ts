import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { armor, dearmor, signRevocationList } from '../protocol';
import { STATE_EXIT_CODES } from './cli-report';
import { remainingTime } from './license-check';
import { STATE_FILES } from './state-store';
import { makeTestPortal, runGatepassCli, serveTestPortal, type TestPortal } from './test-portal';

const DAY = 86_400;
let portal: TestPortal;
let dir: string;
let jwksFile: string;

beforeAll(async () => {
  portal = await makeTestPortal();
  dir = await mkdtemp(join(tmpdir(), 'gatepass-cli-states-'));
  jwksFile = join(dir, 'jwks.json');
  await writeFile(jwksFile, JSON.stringify(portal.jwks));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const gatepass = (...args: string[]) => runGatepassCli(args);

/** A machine (state directory) with a request made; `lease` shapes the file the portal signs. */
async function machine(name: string) {
  const state = join(dir, name);
  const req = join(dir, `${name}.req`);
  const made = await gatepass('request', '--state', state, '--product', 'photo-pro', '--jwks', jwksFile, '--license-key', `GP-${name}`, '--out', req);
  expect(made.code).toBe(0);
  const request = await readFile(req, 'utf8');
  return {
    state,
    async licenseFile(lease: { iat: number; exp: number; grace?: number }, file = join(dir, `${name}.lic`)) {
      await writeFile(file, await portal.issue(request, { iat: lease.iat, nbf: lease.iat, exp: lease.exp, grace: lease.grace ?? 3 * DAY, jti: `lic-${name}-${lease.iat}` }, new Date()));
      return file;
    },
  };
}

const now = () => Math.floor(Date.now() / 1000);

describe('gatepass status: one exit code per state', { timeout: 120_000 }, () => {
  it('documents the codes once', () => {
    expect(STATE_EXIT_CODES).toEqual({ valid: 0, expiring: 3, grace: 4, expired: 5, 'clock-tampered': 6, revoked: 7, invalid: 8, 'not-activated': 9 });
  });

  it('exits with the code of each state and prints the documented --json fields', async () => {
    const t = now();
    const cases = [
      { name: 'st-valid', lease: { iat: t - 60, exp: t + 30 * DAY }, status: 'valid' },
      // A 3-day plan right after install is valid (the window is a fifth of the lease)...
      { name: 'st-3day', lease: { iat: t - 60, exp: t + 3 * DAY - 60 }, status: 'valid' },
      // ... and expiring in its last 14.4 hours, shown in hours.
      { name: 'st-expiring', lease: { iat: t - 3 * DAY + 5 * 3600, exp: t + 5 * 3600 }, status: 'expiring', says: 'ends in 4 hours 59 minutes' },
      { name: 'st-grace', lease: { iat: t - 30 * DAY, exp: t - 60 }, status: 'grace' },
      { name: 'st-expired', lease: { iat: t - 40 * DAY, exp: t - 10 * DAY, grace: DAY }, status: 'expired' },
      { name: 'st-tampered', lease: { iat: t + DAY, exp: t + 30 * DAY }, status: 'clock-tampered', says: 'earlier than the time the license file was issued' },
    ] as const;
    // In parallel: each case spawns the CLI three times.
    await Promise.all(cases.map(async (c) => {
      const m = await machine(c.name);
      const install = await gatepass('install', await m.licenseFile(c.lease), '--state', m.state);
      expect(install.code, c.name).toBe(STATE_EXIT_CODES[c.status]);
      const status = await gatepass('status', '--state', m.state, '--json');
      expect(status.code, c.name).toBe(STATE_EXIT_CODES[c.status]);
      const json = JSON.parse(status.stdout);
      expect(Object.keys(json).sort()).toEqual(
        ['exit_code', 'features', 'grace_end', 'hint', 'lease_end', 'license', 'message', 'ok', 'pending_deactivation', 'portal', 'reason', 'revocation_list', 'revoked_by', 'seconds_left', 'status', 'tamper_reason'].sort(),
      );
      expect(json, c.name).toMatchObject({ status: c.status, exit_code: STATE_EXIT_CODES[c.status], lease_end: new Date(c.lease.exp * 1000).toISOString() });
      if ('says' in c) expect(json.message).toContain(c.says);
    }));
  });

  it('exits 8 for a damaged license and 9 when none is installed, with a hint for the shell', async () => {
    const m = await machine('st-invalid');
    const t = now();
    await gatepass('install', await m.licenseFile({ iat: t - 60, exp: t + 30 * DAY }), '--state', m.state);
    const path = join(m.state, STATE_FILES.license);
    const compact = dearmor(await readFile(path, 'utf8'), 'license');
    const i = compact.indexOf('.') + 10;
    await writeFile(path, armor('license', compact.slice(0, i) + (compact[i] === 'A' ? 'B' : 'A') + compact.slice(i + 1)));
    expect((await gatepass('status', '--state', m.state)).code).toBe(8);

    const none = await gatepass('status', '--state', join(dir, 'st-none'), '--product', 'photo-pro', '--jwks', jwksFile);
    expect(none.code).toBe(9);
    expect(none.stdout).toContain('gatepass activate --portal URL --license-key KEY');
    expect(none.stdout).not.toContain('Help →');
  });
});

describe('gatepass online commands', { timeout: 60_000 }, () => {
  it('refresh never takes a new seat: a refusal says so, exits 1 and names what to do; the portal is remembered', async () => {
    const { url, server, requests } = await serveTestPortal(portal);
    const refusing = await serveTestPortal(portal, {
      refuse: { status: 409, code: 'ERR_SEAT_NOT_REFRESHABLE', message: 'This seat was released on 2026-11-25, so it cannot be refreshed. Activate the machine again with a new activation request.' },
    });
    try {
      const state = join(dir, 'online');
      const activate = await gatepass('activate', '--state', state, '--product', 'photo-pro', '--jwks', jwksFile, '--portal', url, '--license-key', 'GP-ONLINE');
      expect(activate).toMatchObject({ code: 0 });
      // No --portal: the one from activate is remembered.
      const refresh = await gatepass('refresh', '--state', state);
      expect(refresh.code).toBe(0);
      expect(refresh.stdout).toContain("Refreshed: the lease of this machine's seat (seat_01) is renewed.");
      expect(requests.at(-1)?.seat_id).toBe('seat_01');

      const refused = await gatepass('refresh', '--state', state, '--portal', refusing.url);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain('This seat was released on 2026-11-25');
      expect(refused.stderr).toContain('Nothing was refreshed and no seat was taken.');
      expect(refused.stderr).toContain('gatepass activate --license-key KEY');
      // The refusing portal was given last, so it is the one remembered now.
      expect((await gatepass('status', '--state', state, '--json')).stdout).toContain(`"portal": "${refusing.url}"`);
    } finally {
      server.close();
      refusing.server.close();
    }
  });

  it('status mentions a deactivation file that waits for upload, with the portal page', async () => {
    const { url, server } = await serveTestPortal(portal);
    const state = join(dir, 'pending');
    expect((await gatepass('activate', '--state', state, '--product', 'photo-pro', '--jwks', jwksFile, '--portal', url, '--license-key', 'GP-PENDING')).code).toBe(0);
    await new Promise((done) => server.close(done));
    const failed = await gatepass('deactivate', '--state', state, '--portal', url);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`${url}/deactivate`);
    const status = await gatepass('status', '--state', state);
    expect(status.code).toBe(9);
    expect(status.stdout).toContain(`A deactivation file is waiting to be uploaded: ${join(state, STATE_FILES.pendingDeactivation)}`);
    expect(status.stdout).toContain(`the Deactivate page of the activation portal (${url}/deactivate)`);
  });
});

describe('gatepass install with several files', { timeout: 60_000 }, () => {
  it('installs the file made for this machine, whatever else the glob matched', async () => {
    const a = await machine('multi-a');
    const b = await machine('multi-b');
    const t = now();
    const fileA = await a.licenseFile({ iat: t - 60, exp: t + 30 * DAY }, join(dir, 'photo-pro-vm-aaaa.lic'));
    const fileB = await b.licenseFile({ iat: t - 60, exp: t + 30 * DAY }, join(dir, 'photo-pro-vm-bbbb.lic'));
    const install = await gatepass('install', fileA, fileB, '--state', b.state);
    expect(install.code).toBe(0);
    expect(install.stdout).toContain('status: valid');
    const none = await gatepass('install', fileA, '--state', join(dir, 'st-none'), '--product', 'photo-pro', '--jwks', jwksFile);
    expect(none.code).toBe(1);
    const neither = await gatepass('install', fileA, fileB, '--state', join(dir, 'multi-c'), '--product', 'photo-pro', '--jwks', jwksFile);
    expect(neither.code).toBe(1);
    expect(neither.stderr).toContain('None of the 2 files is a license file for this machine.');
  });
});

describe('gatepass revocations install', { timeout: 60_000 }, () => {
  it('installs a list, exits 7 when it names this license, and refuses an older one', async () => {
    const m = await machine('rev-cli');
    const t = now();
    await gatepass('install', await m.licenseFile({ iat: t - 60, exp: t + 30 * DAY }), '--state', m.state);
    const sign = (seq: number, licenseIds: string[]) => signRevocationList({ seq, issuedAt: new Date(), product: 'photo-pro', items: { licenseIds, devices: [] }, signingKey: portal.f.signing });
    const newer = join(dir, 'rev-5.txt');
    await writeFile(newer, await sign(5, ['lic_01']));
    const installed = await gatepass('revocations', 'install', newer, '--state', m.state);
    expect(installed.code, installed.stderr).toBe(7);
    expect(installed.stdout).toContain('Revocation list #5 of');
    expect(installed.stdout).toContain('status: revoked');
    const status = await gatepass('status', '--state', m.state, '--json');
    expect(status.code).toBe(7);
    expect(JSON.parse(status.stdout)).toMatchObject({ status: 'revoked', revoked_by: 'license', revocation_list: { sequence: 5 } });
    const older = join(dir, 'rev-4.txt');
    await writeFile(older, await sign(4, []));
    const refused = await gatepass('revocations', 'install', older, '--state', m.state);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('(#4) is older than the one this machine has (#5)');
    expect((await gatepass('revocations', 'list', '--state', m.state)).code).toBe(2);
  });
});

describe('remainingTime', () => {
  it('shows hours below two days and never "0 days" while time is left', () => {
    expect(remainingTime(2.99 * DAY)).toBe('2 days 23 hours');
    expect(remainingTime(3 * DAY)).toBe('3 days');
    expect(remainingTime(47 * 3600 + 59 * 60)).toBe('47 hours 59 minutes');
    expect(remainingTime(3600)).toBe('1 hour');
    expect(remainingTime(61)).toBe('1 minute');
    expect(remainingTime(1)).toBe('less than a minute');
  });
});
