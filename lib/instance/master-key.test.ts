import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { openFreshDatabase } from '@/lib/testing/fresh-database';

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
let opened: { closeDb(): Promise<void> } | undefined;
afterEach(async () => {
  await opened?.closeDb();
});
// Each case starts with a database of its own (on SQLite, its data directory's file).
const dropDatabases: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of dropDatabases) await drop();
});

describe('master key', () => {
  it('creates a 0600 key file on first start and seals secrets that open again after a restart', async () => {
    const dir = fs.mkdtempSync(path.join(base, 'gatepass-mk-'));
    dropDatabases.push(await openFreshDatabase());
    const first = await freshModules(dir);
    opened = first;
    const sealed = await first.sealSecret('license key', 'ctx');
    const file = path.join(dir, 'master.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    await first.closeDb();

    const second = await freshModules(dir);
    opened = second;
    expect(await second.unsealSecret(sealed, 'ctx')).toBe('license key');
    await expect(second.unsealSecret(sealed, 'other column')).rejects.toThrow();
  });

  it('refuses to start, with what to do, when the key file of an existing database is deleted', async () => {
    const dir = fs.mkdtempSync(path.join(base, 'gatepass-mk-'));
    dropDatabases.push(await openFreshDatabase());
    const first = await freshModules(dir);
    await first.masterKey();
    await first.closeDb();
    fs.rmSync(path.join(dir, 'master.key'));

    const second = await freshModules(dir);
    opened = second;
    await expect(second.masterKey()).rejects.toThrow(second.MasterKeyError);
    await expect(second.masterKey()).rejects.toThrow(/master key file .* is missing.*Restore master\.key from your backup/);
    expect(fs.existsSync(path.join(dir, 'master.key'))).toBe(false);
  });

  it('refuses a different GATEPASS_MASTER_KEY for an existing database', async () => {
    const dir = fs.mkdtempSync(path.join(base, 'gatepass-mk-'));
    dropDatabases.push(await openFreshDatabase());
    const first = await freshModules(dir, 'a'.repeat(64));
    await first.masterKey();
    await first.closeDb();
    const second = await freshModules(dir, 'b'.repeat(64));
    opened = second;
    await expect(second.masterKey()).rejects.toThrow(/does not open the secrets/);
  });

  it('rejects a malformed GATEPASS_MASTER_KEY with how to make one', async () => {
    const dir = fs.mkdtempSync(path.join(base, 'gatepass-mk-'));
    dropDatabases.push(await openFreshDatabase());
    const modules = await freshModules(dir, 'too-short');
    opened = modules;
    await expect(modules.masterKey()).rejects.toThrow(/must hold 32 random bytes.*randomBytes\(32\)/);
  });
});
