// The console a new user reads on `npm start`: the real bootstrap script, run the way
// scripts/start.mjs runs it, on a fresh data directory.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function bootstrap(dataDir: string, env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, GATEPASS_DATA_DIR: dataDir, PORT: '3999', ...env };
  delete childEnv.GATEPASS_MASTER_KEY;
  delete childEnv.GATEPASS_ADMIN_PASSWORD;
  const result = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/bootstrap.ts'], {
    env: childEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm start console', () => {
  it('says how to sign in and lists the demo keys on first start, keeps them on the second, and refuses to run without the master key', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatepass-console-'));
    const first = bootstrap(dataDir, { GATEPASS_ADMIN_EMAIL: 'owner@example.com' });
    expect(first.code).toBe(0);
    expect(first.out).toContain('Sign in at http://localhost:3999/login as owner@example.com');
    const password = /with the password {2}(\S+)/.exec(first.out)?.[1];
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const keys = [...first.out.matchAll(/^ {2}(Consumer|Professional|Enterprise) +([0-9A-Z]{5}(?:-[0-9A-Z]{5}){4}) {2}\((\d+) seats\)$/gm)];
    expect(keys.map((m) => [m[1], m[3]])).toEqual([
      ['Consumer', '2'],
      ['Professional', '2'],
      ['Enterprise', '10'],
    ]);
    expect(fs.statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);

    const second = bootstrap(dataDir);
    expect(second.code).toBe(0);
    expect(second.out).not.toContain(password!);
    expect(second.out).toContain('Sign in at http://localhost:3999/login with your staff account.');
    for (const key of keys) expect(second.out).toContain(key[2]);

    fs.rmSync(path.join(dataDir, 'master.key'));
    const third = bootstrap(dataDir);
    expect(third.code).toBe(1);
    expect(third.err).toContain('Gatepass cannot start: The master key file');
    expect(third.err).toContain('Restore master.key from your backup');
    expect(third.err).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
    expect(fs.existsSync(path.join(dataDir, 'master.key'))).toBe(false);
  });

  it('stops at start with one sentence when a setting is wrong, before touching the data directory', () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gatepass-console-')), 'data');
    const result = bootstrap(dataDir, { GATEPASS_RATE_LIMIT_PER_MINUTE: 'lots' });
    expect(result.code).toBe(1);
    expect(result.err.trim()).toBe('Gatepass cannot start: GATEPASS_RATE_LIMIT_PER_MINUTE must be a positive whole number; got "lots".');
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
