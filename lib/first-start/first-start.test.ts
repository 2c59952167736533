import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb } from '@/db/client';
import { countUsers } from '@/db/queries/users';
import { bootstrapInstance } from '@/lib/first-start/first-start';
import { publicJwks } from '@/lib/instance/keys';
import { openFreshDatabase } from '@/lib/testing/fresh-database';

let dropDatabase: (() => Promise<void>) | undefined;
afterAll(async () => {
  await dropDatabase?.();
});

describe('first start', () => {
  it('creates keys, the first admin and three demo licenses, and a second start reuses them', async () => {
    const first = await bootstrapInstance({ GATEPASS_ADMIN_EMAIL: 'Owner@Example.com' });
    expect(first.firstStart).toBe(true);
    expect(first.adminEmail).toBe('owner@example.com');
    expect(first.generatedPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect(first.demoLicenses.map((demo) => [demo.plan, demo.seats])).toEqual([
      ['Consumer', 2],
      ['Professional', 2],
      ['Enterprise', 10],
    ]);
    const keysBefore = (await publicJwks()).keys.map((key) => key.kid);
    expect(keysBefore).toHaveLength(2);

    await closeDb();
    const second = await bootstrapInstance({ GATEPASS_ADMIN_EMAIL: 'someone-else@example.com' });
    expect(second.firstStart).toBe(false);
    expect(second.generatedPassword).toBeUndefined();
    expect(second.demoLicenses.map((demo) => demo.key)).toEqual(first.demoLicenses.map((demo) => demo.key));
    expect((await publicJwks()).keys.map((key) => key.kid)).toEqual(keysBefore);
    expect(await countUsers()).toBe(1);
  });

  it('skips demo data when GATEPASS_DEMO=0', async () => {
    // A fresh data directory (and database) for this case.
    await closeDb();
    const dir = fs.mkdtempSync(path.join(path.dirname(process.env.GATEPASS_DATA_DIR!), 'gatepass-unit-nodemo-'));
    process.env.GATEPASS_DATA_DIR = dir;
    dropDatabase = await openFreshDatabase();
    const report = await bootstrapInstance({ GATEPASS_DEMO: '0', GATEPASS_ADMIN_PASSWORD: 'a long password' });
    expect(report.firstStart).toBe(true);
    expect(report.generatedPassword).toBeUndefined();
    expect(report.demoLicenses).toEqual([]);
  });
});
