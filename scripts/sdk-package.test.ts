// The SDK as a vendor installs it: `npm run sdk:build`, `npm pack`, then `npm install` of the
// tarball into an empty folder outside this repository (no tsx, no TypeScript, no lib/), where
// the installed `gatepass` CLI writes an activation request, the portal (this repository's
// real activation code) answers with a license file, and both the CLI and the SDK's check()
// of the installed package accept it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { endUserActor } from '@/lib/core/actor';
import { publicJwks } from '@/lib/instance/keys';
import { activate } from '@/lib/licensing/activate';
import { createTestLicense, setUpInstance } from '@/lib/testing/licensing-fixtures';

const repo = process.cwd();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gatepass-sdk-package-'));
const project = path.join(work, 'vendor-app');
/** A clean environment: none of this repository's settings or loaders leak into the installed package. */
const env = { PATH: process.env.PATH ?? '', HOME: work, npm_config_cache: process.env.npm_config_cache ?? path.join(os.homedir(), '.npm') } as unknown as NodeJS.ProcessEnv;

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 180_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(async () => {
  await setUpInstance();
  const built = spawnSync(process.execPath, ['scripts/build-sdk.mjs'], { cwd: repo, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  const packed = run('npm', ['pack', path.join(repo, 'packages/sdk'), '--pack-destination', work], work);
  expect(packed.code, packed.err).toBe(0);
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'vendor-app', version: '1.0.0', type: 'module', private: true }));
  const installed = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(work, 'gatepass-sdk-0.2.0.tgz')], project);
  expect(installed.code, installed.err).toBe(0);
}, 300_000);

describe('the installable SDK package', () => {
  it('installs without this repository, and its CLI and check() accept a license file from the portal', async () => {
    expect(fs.existsSync(path.join(project, 'node_modules/tsx'))).toBe(false);
    const gatepass = path.join(project, 'node_modules/.bin/gatepass');
    const help = run(gatepass, ['--help'], project);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: gatepass <command>');

    const license = await createTestLicense();
    fs.writeFileSync(path.join(project, 'jwks.json'), JSON.stringify(await publicJwks()));
    const state = ['--state', 'state', '--product', license.productSlug, '--fingerprint', 'vendor-app-machine-1'];
    const requested = run(gatepass, ['request', ...state, '--jwks', 'jwks.json', '--license-key', license.key, '--out', 'machine.req'], project);
    expect(requested.code, requested.err).toBe(0);
    const activation = await activate({ requestText: fs.readFileSync(path.join(project, 'machine.req'), 'utf8'), actor: endUserActor('API', '192.0.2.99') });
    if (!activation.ok) throw new Error(activation.message);
    fs.writeFileSync(path.join(project, activation.fileName), activation.licenseFile);

    const installed = run(gatepass, ['install', activation.fileName, ...state], project);
    expect(installed.code, installed.err).toBe(0);
    expect(installed.out).toContain('status: valid');

    fs.writeFileSync(
      path.join(project, 'check.mjs'),
      `import fs from 'node:fs';
import { createGatepassClient } from '@gatepass/sdk';
const jwks = JSON.parse(fs.readFileSync('jwks.json', 'utf8'));
const client = createGatepassClient({ product: ${JSON.stringify(license.productSlug)}, jwks, stateDir: 'state', fingerprint: 'vendor-app-machine-1' });
const check = await client.check();
console.log(JSON.stringify({ status: check.status, ok: check.ok, seat: check.claims?.seat_id }));
`,
    );
    const checked = run(process.execPath, ['check.mjs'], project);
    expect(checked.code, checked.err).toBe(0);
    expect(JSON.parse(checked.out)).toEqual({ status: 'valid', ok: true, seat: activation.seatId });

    // The package carries type declarations for TypeScript apps.
    expect(fs.existsSync(path.join(project, 'node_modules/@gatepass/sdk/dist/types/sdk/index.d.ts'))).toBe(true);
  }, 300_000);
});
