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

test.describe('portal pages', () => {
  let machine: CliMachine;
  let downloads: string;
  test.beforeEach(() => {
    downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'gatepass-downloads-'));
  });
  test.afterEach(() => {
    machine?.dispose();
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  test('pasted request text activates too, and the same machine again reuses its seat', async ({ page }) => {
    const license = await createTestLicense({ seats: 2 });
    machine = CliMachine.create(license.productSlug);
    const activatePage = new ActivatePage(page);
    await activatePage.goto();
    await activatePage.paste(fs.readFileSync(await machine.request(license.key), 'utf8'));
    await expect(page.getByRole('heading', { name: 'Machine activated' })).toBeVisible();
    await activatePage.expectSummary({ seats: '1 of 2' });

    await activatePage.goto();
    await activatePage.upload(await machine.request(license.key));
    await expect(page.getByRole('heading', { name: /already activated: here is a renewed license file/ })).toBeVisible();
    await activatePage.expectSummary({ seats: '1 of 2' });
  });

  test('Refresh lists the seats by license key and downloads a new file the SDK accepts', async ({ page }) => {
    const license = await createTestLicense({ seats: 2 });
    machine = CliMachine.create(license.productSlug);
    const activatePage = new ActivatePage(page);
    await activatePage.goto();
    // The user typed the key carelessly into the app: both files must still open on the machine.
    await activatePage.upload(await machine.request(license.key.toLowerCase().replaceAll('-', ' ')));
    const { file } = await activatePage.downloadLicense(downloads);
    expect((await machine.install(file)).code).toBe(0);

    const refresh = new LicenseKeyPage(page, '/refresh');
    await refresh.goto();
    await refresh.enterKey('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE');
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(/^No license matches this key\. Check it against your purchase email/);
    await refresh.enterKey(license.key.toLowerCase());
    await refresh.expectSeats([[host, 'Active']]);
    const refreshed = await refresh.refreshSeat(refresh.seatRow(host), downloads);
    await expect(page.getByRole('heading', { name: `New license file for ${host}` })).toBeVisible();
    const installed = await machine.install(refreshed);
    expect(installed.code, installed.stderr).toBe(0);
    expect((await machine.status()).status).toBe('valid');
  });

  test('bad files get one sentence with what to do, beside the drop zone', async ({ page }) => {
    const license = await createTestLicense({ seats: 1 });
    machine = CliMachine.create(license.productSlug);
    const activatePage = new ActivatePage(page);
    await activatePage.goto();

    await activatePage.upload({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Dear support, my license does not work.') });
    await activatePage.expectError(/^This is not a Gatepass activation request, or it is damaged\. Create one in the application/);

    await activatePage.upload({ name: 'huge.req', mimeType: 'application/octet-stream', buffer: Buffer.alloc(70 * 1024, 'A') });
    await activatePage.expectError('This file is too large to be a Gatepass activation request (the limit is 64 KB). Check that you picked the right file.');

    await activatePage.upload(await machine.request(license.key));
    await activatePage.expectSummary({ seats: '1 of 1' });
    const { file } = await activatePage.downloadLicense(downloads);
    expect((await machine.install(file)).code).toBe(0);
    const deactivation = await machine.deactivate();
    await activatePage.goto();
    await activatePage.upload(deactivation);
    await activatePage.expectError(/^This is a deactivation file, not an activation request\./);

    const deactivatePage = new DeactivatePage(page);
    await deactivatePage.goto();
    await deactivatePage.upload({ name: 'license.lic', mimeType: 'text/plain', buffer: fs.readFileSync(file) });
    await deactivatePage.expectError(/^This is a license file, not a deactivation file\./);
    await expect(page.getByText(/Traceback|at .*\.js:\d+|Internal Server Error/)).toHaveCount(0);
  });

  test('My license shows status, expiry, plan and seats, and refuses an unknown key', async ({ page }) => {
    const expiresAt = new Date(Date.UTC(2031, 5, 30));
    const license = await createTestLicense({ seats: 3, expiresAt });
    const myLicense = new LicenseKeyPage(page, '/license');
    await myLicense.goto();
    await myLicense.enterKey('not-a-key');
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(/^No license matches this key\./);
    await myLicense.enterKey(license.key);
    await expect(page.getByTestId('license-status')).toHaveText('Active');
    await expect(page.getByTestId('license-expiry')).toHaveText('30 Jun 2031');
    await expect(page.getByTestId('license-seats')).toHaveText('0 of 3');
    await expect(page.getByTestId('license-offline')).toHaveText('30 days, then 7 days of grace');
    await expect(page.getByTestId('no-seats')).toBeVisible();
  });
});
