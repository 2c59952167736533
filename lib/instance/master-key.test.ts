import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// master-key caches the key per process: each case imports a fresh module graph.
async function freshModules(dataDir: string, envKey?: string) {
  vi.resetModules();
  process.env.GATEPASS_DATA_DIR = dataDir;
  if (envKey === undefined) delete process.env.GATEPASS_MASTER_KEY;
  else process.env.GATEPASS_MASTER_KEY = envKey;
  const client = await import('@/db/client');
  const masterKey = await import('@/lib/instance/master-key');
  return { ...client, ...masterKey };
}

const base = path.dirname(process.env.GATEPASS_DATA_DIR!);
let opened: { closeDb(): void } | undefined;
afterEach(() => opened?.closeDb());

describe('master key', () => {
  it('creates a 0600 key file on first start and seals secrets that open again after a restart', async () => {
    const dir = fs.mkdtempSync(path.join(base, 'gatepass-mk-'));
    const first = await freshModules(dir);
    opened = first;
    const sealed = first.sealSecret('license key', 'ctx');
    const file = path.join(dir, 'master.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    first.closeDb();

    const second = await freshModules(dir);
    opened = second;
    expect(second.unsealSecret(sealed, 'ctx')).toBe('license key');
    expect(() => second.unsealSecret(sealed, 'other column')).toThrow();
  });

  it('refuses to start, with what to do, when the key file of an existing database is deleted', async () => {
    const dir = fs.mkdtempSync(path.join(base, 'gatepass-mk-'));
    const first = await freshModules(dir);
    first.masterKey();
    first.closeDb();
    fs.rmSync(path.join(dir, 'master.key'));

    const second = await freshModules(dir);
    opened = second;
    expect(() => second.masterKey()).toThrow(second.MasterKeyError);
    expect(() => second.masterKey()).toThrow(/master key file .* is missing.*Restore master\.key from your backup/);
    expect(fs.existsSync(path.join(dir, 'master.key'))).toBe(false);
  });

  it('refuses a different GATEPASS_MASTER_KEY for an existing database', async () => {
    const dir = fs.mkdtempSync(path.join(base, 'gatepass-mk-'));
    const first = await freshModules(dir, 'a'.repeat(64));
    first.masterKey();
    first.closeDb();
    const second = await freshModules(dir, 'b'.repeat(64));
    opened = second;
    expect(() => second.masterKey()).toThrow(/does not open the secrets/);
  });

  it('rejects a malformed GATEPASS_MASTER_KEY with how to make one', async () => {
    const dir = fs.mkdtempSync(path.join(base, 'gatepass-mk-'));
    const modules = await freshModules(dir, 'too-short');
    opened = modules;
    expect(() => modules.masterKey()).toThrow(/must hold 32 random bytes.*randomBytes\(32\)/);
  });
});
