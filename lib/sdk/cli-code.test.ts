/**
 * The CLI's air-gapped commands, run as a real process: the code and its QR code are
 * printed, the SVG is written, and the mistakes a person makes get a usage error.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResponseCode, readDeviceCode } from '../protocol';
import { makeTestPortal, runGatepassCli, type TestPortal } from './test-portal';

let portal: TestPortal;
let dir: string;
let jwksFile: string;

beforeAll(async () => {
  portal = await makeTestPortal();
  dir = await mkdtemp(join(tmpdir(), 'gatepass-cli-code-'));
  jwksFile = join(dir, 'jwks.json');
  await writeFile(jwksFile, JSON.stringify(portal.jwks));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const gatepass = (...args: string[]) => runGatepassCli(args);

const printed = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => /^ {2}[0-9A-Z]{5}(-[0-9A-Z]{5})*$/.test(line))
    .map((line) => line.trim())
    .join('-');

describe('gatepass --code', () => {
  it('prints the request code in rows of five groups with a QR code to the portal page, and writes the SVG', async () => {
    const state = join(dir, 'a');
    const svg = join(dir, 'request.svg');
    const result = await gatepass('request', '--code', '--state', state, '--product', 'photo-pro', '--jwks', jwksFile, '--license-key', 'BVJMY-5HMTP-7PWR3-5CC3H-60X8D', '--portal', 'https://activate.example.com', '--qr', svg);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Activation request code (20 groups of five):');
    expect(result.stdout).toContain('open https://activate.example.com/code and type the code.');
    expect(result.stdout).toMatch(/[▀▄█]/);
    const code = printed(result.stdout);
    expect(readDeviceCode(code, 'request').kind).toBe('request');
    expect(await readFile(svg, 'utf8')).toMatch(/^<svg/);
    expect(result.stderr).toBe(`Wrote the QR code to ${svg}.\n`);

    const response = createResponseCode(readDeviceCode(code), {
      portalPrivateJwk: portal.f.encryption.privateJwk,
      product: 'photo-pro',
      terms: { exp: readDeviceCode(code).iat + 30 * 86_400, grace: 86_400 },
    });
    // Typed without quotes: several arguments, joined.
    const installed = await gatepass('install', '--code', ...response.toLowerCase().split('-'), '--state', state);
    expect(installed).toMatchObject({ code: 0, stderr: '' });
    expect(installed.stdout).toContain('status: valid');
    expect(installed.stdout).toContain('product: photo-pro (activated with a response code)');
    expect((await gatepass('status', '--state', state)).code).toBe(0);

    const deactivated = await gatepass('deactivate', '--code', '--state', state);
    expect(deactivated.code).toBe(0);
    expect(readDeviceCode(printed(deactivated.stdout), 'deactivation').kind).toBe('deactivation');
    expect((await gatepass('status', '--state', state)).code).toBe(9); // not activated (docs/PROTOCOL.md "CLI" exit codes)
  });

  it('refuses what a code cannot carry, and a response with no request waiting', async () => {
    const state = join(dir, 'b');
    const withDuration = await gatepass('request', '--code', '--state', state, '--product', 'photo-pro', '--jwks', jwksFile, '--license-key', 'K', '--duration', '30d');
    expect(withDuration.code).toBe(2);
    expect(withDuration.stderr).toContain('--duration cannot be sent in a request code');
    const noRequest = await gatepass('install', '--code', '1A607-09V01-ANRGG-8J3KF-GRMA3-K6X92', '--state', state, '--product', 'photo-pro', '--jwks', jwksFile);
    expect(noRequest.code).toBe(1);
    expect(noRequest.stderr).toContain('No request code on this machine is waiting for an answer.');
    const mistyped = await gatepass('request', '--code', '--state', state, '--license-key', 'BVJMY-5HMTP-7PWR3-5CC3H-60X8D');
    expect(mistyped.code).toBe(0);
    const typo = await gatepass('install', '--code', '1A607-09V01-ANRGG-8J3KF-GRMA3-K6X93', '--state', state);
    expect(typo).toMatchObject({ code: 1 });
    expect(typo.stderr).toContain('Group 6 of this response code looks mistyped.');
  });
});
