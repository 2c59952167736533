import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeactivation, protocolErrorMessage } from '../protocol';
import { makeTestPortal, runGatepassCli, type TestPortal } from './test-portal';

let portal: TestPortal;
let dir: string;
let jwksFile: string;

beforeAll(async () => {
  portal = await makeTestPortal();
  dir = await mkdtemp(join(tmpdir(), 'gatepass-cli-'));
  jwksFile = join(dir, 'jwks.json');
  await writeFile(jwksFile, JSON.stringify(portal.jwks));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Spawns the real CLI; resolves with its exit code and output (async, so in-test servers can answer). */
function gatepass(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return gatepassWith({}, ...args);
}

const gatepassWith = (env: Record<string, string>, ...args: string[]) => runGatepassCli(args, env);

describe('gatepass CLI', () => {
  it('asks for the portal before an online command', async () => {
    const state = join(dir, 'no-portal');
    const refresh = await gatepass('refresh', '--state', state, '--product', 'photo-pro', '--jwks', jwksFile);
    expect(refresh).toMatchObject({ code: 2, stdout: '' });
    expect(refresh.stderr).toBe('gatepass: refresh online needs --portal URL. Run "gatepass --help".\n');
    const activate = await gatepass('activate', '--state', state, '--product', 'photo-pro', '--jwks', jwksFile, '--license-key', 'K');
    expect(activate.code).toBe(2);
    expect(activate.stderr).toContain('activate online needs --portal URL');
  });

  it('needs --product only once when one product is set up in the home directory (the README flow)', async () => {
    const home = await mkdtemp(join(tmpdir(), 'gatepass-home-'));
    const env = { HOME: home, GATEPASS_FINGERPRINT: 'readme-machine' };
    const req = join(home, 'machine.req');
    expect((await gatepassWith(env, 'request', '--product', 'photo-pro', '--jwks', jwksFile, '--license-key', 'GP-CLI-HOME', '--out', req)).code).toBe(0);
    const lic = join(home, 'machine.lic');
    await writeFile(lic, await portal.issue(await readFile(req, 'utf8')));
    const install = await gatepassWith(env, 'install', lic);
    expect(install).toMatchObject({ code: 0 });
    expect(install.stdout).toContain('status: valid');
    expect((await gatepassWith(env, 'status')).stdout).toContain('product: photo-pro');

    // A second product makes the choice ambiguous: the CLI says so instead of guessing.
    expect((await gatepassWith(env, 'request', '--product', 'other-app', '--jwks', jwksFile, '--license-key', 'GP-CLI-HOME', '--out', req)).code).toBe(0);
    const ambiguous = await gatepassWith(env, 'status');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('several products are set up here (other-app, photo-pro): pass --product');
    await rm(home, { recursive: true, force: true });
  });

  it('runs the offline cycle: request, install, status, deactivate', async () => {
    const a = join(dir, 'machine-a');
    const req = join(dir, 'a.req');
    const request = await gatepass('request', '--state', a, '--product', 'photo-pro', '--jwks', jwksFile, '--license-key', 'GP-CLI-1', '--duration', '10d', '--out', req);
    expect(request).toMatchObject({ code: 0, stdout: '' });
    expect(request.stderr).toContain(`Wrote the activation request to ${req}`);
    const lic = join(dir, 'a.lic');
    await writeFile(lic, await portal.issue(await readFile(req, 'utf8')));

    const install = await gatepass('install', lic, '--state', a);
    expect(install.code).toBe(0);
    expect(install.stdout).toContain('status: valid');

    const status = await gatepass('status', '--state', a, '--json');
    expect(status.code).toBe(0);
    const json = JSON.parse(status.stdout);
    expect(json).toMatchObject({ status: 'valid', ok: true, features: ['export'], license: { product: 'photo-pro', seat_id: 'seat_01' } });
    expect(new Date(json.lease_end).getTime() - new Date(json.license.iat * 1000).getTime()).toBe(10 * 86_400_000);

    const out = join(dir, 'a.deact');
    const deactivate = await gatepass('deactivate', '--state', a, '--usage', 'exports=3', '--usage', 'prints=0', '--out', out);
    expect(deactivate.code).toBe(0);
    const opened = await openDeactivation(await readFile(out, 'utf8'), { decryptionKeys: [portal.f.encryption] });
    expect(opened.claims).toMatchObject({ seat_id: 'seat_01', usage: { exports: 3, prints: 0 } });

    const after = await gatepass('status', '--state', a);
    expect(after.code).toBe(9);
    expect(after.stdout).toContain('status: not-activated');
  });

  it('treats each --state directory as a separate machine', async () => {
    const [fa, fb] = await Promise.all([
      gatepass('fingerprint', '--state', join(dir, 'm1'), '--product', 'photo-pro'),
      gatepass('fingerprint', '--state', join(dir, 'm2'), '--product', 'photo-pro'),
    ]);
    expect(fa.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(fa.stdout).not.toBe(fb.stdout);

    const reqFile = join(dir, 'm1.req');
    await gatepass('request', '--state', join(dir, 'm1'), '--product', 'photo-pro', '--jwks', jwksFile, '--license-key', 'GP-CLI-2', '--out', reqFile);
    await gatepass('request', '--state', join(dir, 'm2'), '--product', 'photo-pro', '--jwks', jwksFile, '--license-key', 'GP-CLI-2', '--out', join(dir, 'm2.req'));
    const lic = join(dir, 'm1.lic');
    await writeFile(lic, await portal.issue(await readFile(reqFile, 'utf8')));
    const wrong = await gatepass('install', lic, '--state', join(dir, 'm2'));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(`gatepass: ${protocolErrorMessage('ERR_DECRYPT_FAILED', { kind: 'license' })}\n`);
  });

  it('exits 5 for an expired license and prints when it ended', async () => {
    const m = join(dir, 'expired');
    const reqFile = join(dir, 'expired.req');
    await gatepass('request', '--state', m, '--product', 'photo-pro', '--fingerprint', 'fp-old', '--jwks', jwksFile, '--license-key', 'GP-CLI-3', '--out', reqFile);
    const past = Math.floor(Date.now() / 1000) - 40 * 86_400;
    const lic = join(dir, 'expired.lic');
    await writeFile(lic, await portal.issue(await readFile(reqFile, 'utf8'), { iat: past, nbf: past, exp: past + 86_400, grace: 0 }));
    expect((await gatepass('install', lic, '--state', m)).code).toBe(5);
    const status = await gatepass('status', '--state', m);
    expect(status.code).toBe(5);
    expect(status.stdout).toContain('status: expired');
    expect(status.stdout).toContain('The license lease ended on');
  });

  it('fetches a JWKS URL at request time only and checks from the cache', async () => {
    let fetches = 0;
    const server = createServer((_req, res) => {
      fetches++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(portal.jwks));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
    try {
      const m = join(dir, 'remote');
      const request = await gatepass('request', '--state', m, '--product', 'photo-pro', '--jwks', url, '--license-key', 'GP-CLI-4');
      expect(request.code).toBe(0);
      // The portal's JWKS URL names the portal: the hint points at its Activate page.
      const written = await gatepass('request', '--state', m, '--license-key', 'GP-CLI-4', '--out', join(dir, 'remote.req'));
      const portalUrl = url.replace('/.well-known/jwks.json', '');
      expect(written.stderr).toContain(`Upload it on the Activate page of the activation portal (${portalUrl}/), then run gatepass install FILE`);
      expect(request.stdout).toMatch(/^-----BEGIN GATEPASS ACTIVATION REQUEST-----\n/);
      expect(fetches).toBe(1);
      const status = await gatepass('status', '--state', m, '--jwks', url);
      expect(status.code).toBe(9);
      expect(fetches).toBe(1);
    } finally {
      server.close();
    }
  });

  it('reports usage errors with exit 2 and one line', async () => {
    const noKey = await gatepass('request', '--state', join(dir, 'u'), '--product', 'photo-pro', '--jwks', jwksFile);
    expect(noKey).toMatchObject({ code: 2, stderr: 'gatepass: --license-key is required. Run "gatepass --help".\n' });
    const badDuration = await gatepass('request', '--state', join(dir, 'u'), '--product', 'photo-pro', '--jwks', jwksFile, '--license-key', 'K', '--duration', 'soon');
    expect(badDuration.code).toBe(2);
    const noKeys = await gatepass('status', '--state', join(dir, 'never'), '--product', 'photo-pro');
    expect(noKeys.code).toBe(2);
    expect(noKeys.stderr).toContain('no trusted keys yet');
    const unknown = await gatepass('frobnicate', '--product', 'photo-pro');
    expect(unknown).toMatchObject({ code: 2, stderr: 'gatepass: unknown command "frobnicate". Run "gatepass --help".\n' });
    const garbage = join(dir, 'garbage.lic');
    await writeFile(garbage, 'not a license');
    const install = await gatepass('install', garbage, '--state', join(dir, 'u'));
    expect(install).toMatchObject({ code: 1, stderr: `gatepass: ${protocolErrorMessage('ERR_ARTIFACT_MALFORMED', { kind: 'license' })}\n` });
  });
});
