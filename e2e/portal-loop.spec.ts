import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CliMachine } from './fixtures/cli';
import { createTestLicense } from './fixtures/domain';
import { ActivatePage } from './pages/activate-page';
import { DeactivatePage } from './pages/deactivate-page';
import { LicenseKeyPage } from './pages/license-key-page';

const host = os.hostname();

test('the whole loop: activate by file, verify offline, deactivate through the portal, then a second machine activates', async ({ page }) => {
  const license = await createTestLicense({ seats: 1, ttlSeconds: 30 * 86_400, graceSeconds: 7 * 86_400 });
  const first = CliMachine.create(license.productSlug);
  const second = CliMachine.create(license.productSlug);
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'gatepass-downloads-'));

  try {
    // 1. The first machine writes a request; the person drops it on the portal.
    const activatePage = new ActivatePage(page);
    await activatePage.goto();
    await activatePage.upload(await first.request(license.key));
    await activatePage.expectSummary({ device: new RegExp(`^${host}`), seats: '1 of 1' });
    await expect(page.getByTestId('summary-lease-end')).toContainText('UTC');
    await expect(page.getByTestId('summary-grace-end')).toContainText('(7 days after)');
    const { file, name } = await activatePage.downloadLicense(downloads);
    expect(name).toMatch(new RegExp(`^${license.productSlug}-${host.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-[0-9a-f]{8}\\.lic$`));

    // 2. The SDK checks the downloaded file offline and finds it valid.
    const installed = await first.install(file);
    expect(installed.code, installed.stderr).toBe(0);
    const status = await first.status();
    expect(status.status).toBe('valid');

    // 3. A second machine is refused while the only seat is taken; the message says what to do.
    const secondRequest = await second.request(license.key);
    await activatePage.goto();
    await activatePage.upload(secondRequest);
    await activatePage.expectError('The only seat of this license is in use. Deactivate the license on another machine, or ask support to release a lost one.');

    // 4. The first machine deactivates; the portal frees the seat and says so, once.
    const deactivation = await first.deactivate(['exports=12']);
    const deactivatePage = new DeactivatePage(page);
    await deactivatePage.goto();
    await deactivatePage.upload(deactivation);
    await deactivatePage.expectResult('Seat released', `"${host}" is deactivated. The only seat of this license is free.`);
    await deactivatePage.upload(deactivation);
    await deactivatePage.expectResult('Nothing changed', /^This machine was already deactivated on \d{4}-\d{2}-\d{2}; nothing changed\./);

    // 5. The second machine's same request now activates, and its file checks valid.
    await activatePage.goto();
    await activatePage.upload(secondRequest);
    await activatePage.expectSummary({ seats: '1 of 1' });
    const secondFile = await activatePage.downloadLicense(downloads);
    expect((await second.install(secondFile.file)).code).toBe(0);
    expect((await second.status()).status).toBe('valid');

    // 6. My license shows the new machine active and the old one deactivated.
    const myLicense = new LicenseKeyPage(page, '/license');
    await myLicense.goto();
    await myLicense.enterKey(license.key);
    await expect(page.getByTestId('license-status')).toHaveText('Active');
    await expect(page.getByTestId('license-seats')).toHaveText('1 of 1');
    await myLicense.expectSeats([
      [host, 'Active'],
      [host, 'Deactivated'],
    ]);
  } finally {
    first.dispose();
    second.dispose();
    fs.rmSync(downloads, { recursive: true, force: true });
  }
});
