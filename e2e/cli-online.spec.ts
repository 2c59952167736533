import { expect, test } from '@playwright/test';
import { countActiveSeats } from '@/db/queries/seats';
import { listUsageRecordsOfLicense } from '@/db/queries/usage';
import { baseURL } from '../playwright.config';
import { CliMachine } from './fixtures/cli';
import { createTestLicense } from './fixtures/domain';

test('a connected machine activates, refreshes and deactivates through the CLI against the portal', async () => {
  const license = await createTestLicense({ seats: 1 });
  const machine = CliMachine.create(license.productSlug);
  const other = CliMachine.create(license.productSlug);
  try {
    const activated = await machine.cli('activate', '--product', license.productSlug, '--portal', baseURL, '--license-key', license.key);
    expect(activated.stderr).toBe('');
    expect(activated.stdout).toContain('Activated: this machine took a seat.');
    expect((await machine.status()).status).toBe('valid');
    expect(await countActiveSeats(license.licenseId)).toBe(1);

    // The portal's refusal reaches the person as one line, with what to do.
    const refused = await other.cli('activate', '--product', license.productSlug, '--portal', baseURL, '--license-key', license.key);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The only seat of this license is in use. Deactivate the license on another machine, or ask support to release a lost one.');

    const refreshed = await machine.cli('refresh');
    expect(refreshed.stdout).toContain("Refreshed: the lease of this machine's seat");
    expect(await countActiveSeats(license.licenseId)).toBe(1);

    const deactivated = await machine.cli('deactivate', '--portal', baseURL, '--usage', 'exports=7');
    expect(deactivated.stdout).toContain('its seat is free');
    expect(await countActiveSeats(license.licenseId)).toBe(0);
    expect((await listUsageRecordsOfLicense(license.licenseId, 10)).map((row) => row.counters)).toEqual([{ exports: 7 }]);
    expect((await machine.status()).status).toBe('not-activated');

    const second = await other.cli('activate', '--product', license.productSlug, '--portal', baseURL, '--license-key', license.key);
    expect(second.stdout).toContain('Activated: this machine took a seat.');
  } finally {
    machine.dispose();
    other.dispose();
  }
});
