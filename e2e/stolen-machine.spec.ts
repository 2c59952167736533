import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEVICE_BLOCKED_MESSAGE } from '@/lib/licensing/block-device';
import { baseURL } from '../playwright.config';
import { CliMachine } from './fixtures/cli';
import { createTestLicense } from './fixtures/domain';
import { createSupportUser } from './fixtures/support-user';
import { ActivatePage } from './pages/activate-page';
import { LoginPage } from './pages/login-page';
import { SupportLicensePage } from './pages/support-license-page';

test('support releases and blocks a stolen machine; it is refused, and another machine\'s file makes it report revoked', async ({ browser }, testInfo) => {
  const license = await createTestLicense({ seats: 2, customerName: 'Grace Customer' });
  const stolen = await CliMachine.createWithFingerprint(license.productSlug);
  const office = await CliMachine.createWithFingerprint(license.productSlug);
  try {
    // The laptop activates online, then is stolen.
    const activated = await stolen.cli('activate', '--product', license.productSlug, '--portal', baseURL, '--license-key', license.key);
    expect(activated.stderr).toBe('');
    expect(activated.code).toBe(0);

    // Support releases its seat and blocks the device.
    const staff = await createSupportUser();
    const desk = await browser.newPage();
    await new LoginPage(desk).goto(`/support/licenses/${license.licenseId}`);
    await new LoginPage(desk).signIn(staff.email, staff.password);
    const page = new SupportLicensePage(desk);
    const dialog = await page.openRelease(stolen.fingerprint);
    await expect(dialog.getByTestId('release-warning')).toContainText('Blocking refuses this device');
    await page.confirmReleaseAndBlock(dialog, 'Laptop stolen from a car, police report 4711');
    await expect(page.blockNotice()).toContainText('is blocked');
    await expect(page.seatsUsed()).toHaveText('0 of 2');
    await expect(page.seatOf(stolen.fingerprint).getByTestId('seat-blocked')).toHaveText('device blocked');
    await expect(page.blockedDevices()).toHaveCount(1);
    await expect(page.blockedDevices().first()).toContainText(`by ${staff.email}: Laptop stolen from a car, police report 4711`);

    // The stolen machine's refresh and re-activation are refused with the sentence; no seat is taken.
    const refresh = await stolen.cli('refresh');
    expect(refresh.code).toBe(1);
    expect(refresh.stdout).not.toContain('Refreshed');
    expect(refresh.stderr).toContain(DEVICE_BLOCKED_MESSAGE);
    const again = await stolen.cli('activate', '--license-key', license.key);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(DEVICE_BLOCKED_MESSAGE);
    const customer = await browser.newPage();
    const portal = new ActivatePage(customer);
    await portal.activate(await stolen.request(license.key));
    await portal.expectRefused(DEVICE_BLOCKED_MESSAGE);

    // Another machine of the customer activates at the portal and downloads its file.
    await portal.activate(await office.request(license.key));
    await portal.expectActivated('1 of 2');
    const { file, name } = await portal.downloadLicense(testInfo.outputDir);
    expect(fs.readFileSync(file, 'utf8')).toContain('-----BEGIN GATEPASS REVOCATION LIST-----');
    expect(name).toMatch(/\.lic$/);
    expect((await office.install(file)).code).toBe(0);

    // That file's revocation list, installed on the stolen machine, makes its SDK report revoked.
    expect((await stolen.status()).status).toBe('valid');
    const revoked = await stolen.cli('revocations', 'install', file);
    expect(revoked.stdout).toContain('status: revoked');
    expect(revoked.code).toBe(7);
    const status = await stolen.status();
    expect(status).toMatchObject({ code: 7, status: 'revoked' });

    // Support sees the block and every refusal in the license's audit trail.
    await desk.reload();
    await expect(page.auditEvents(/device\.block by/)).toHaveCount(1);
    await expect(page.auditEvents('device.blocked_refused')).toHaveCount(3);
  } finally {
    stolen.dispose();
    office.dispose();
  }
});
