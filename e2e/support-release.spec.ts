import { expect, test } from '@playwright/test';
import { createTestLicense } from './fixtures/domain';
import { CliMachine } from './fixtures/cli';
import { createSupportUser } from './fixtures/support-user';
import { LoginPage } from './pages/login-page';
import { SupportLicensePage } from './pages/support-license-page';
import { ActivatePage } from './pages/activate-page';
import { SupportSearchPage } from './pages/support-search-page';

test('support releases a lost machine\'s seat, and the customer\'s third machine then activates', async ({ browser }) => {
  const customerEmail = `owner-${Date.now()}@customer.example`;
  const license = await createTestLicense({ seats: 2, customerName: 'Ada Customer', customerEmail });
  const [lost, kept, third] = await Promise.all([1, 2, 3].map(() => CliMachine.createWithFingerprint(license.productSlug)));

  // The customer activates two machines at the portal, and the third is refused.
  const customer = await browser.newPage();
  const portal = new ActivatePage(customer);
  await portal.activate(await lost.request(license.key));
  await portal.expectActivated('1 of 2');
  await portal.activate(await kept.request(license.key));
  await portal.expectActivated('2 of 2');
  const thirdRequest = await third.request(license.key);
  await portal.activate(thirdRequest);
  await portal.expectRefused('All 2 seats of this license are in use. Deactivate the license on another machine, or ask support to release a lost one.');

  // Support signs in, finds the license by the customer's email and opens it.
  const staff = await createSupportUser();
  const desk = await browser.newPage();
  await new LoginPage(desk).goto('/support');
  await new LoginPage(desk).signIn(staff.email, staff.password);
  const search = new SupportSearchPage(desk);
  await expect(desk.getByRole('heading', { name: 'Support console' })).toBeVisible();
  await search.search(customerEmail);
  await expect(search.results()).toHaveCount(1);
  await expect(search.results().first().getByTestId('result-seats')).toHaveText('2 / 2');
  await search.openLicenseOf(customerEmail);

  const page = new SupportLicensePage(desk);
  await expect(page.key()).toHaveText(license.key);
  await expect(page.seatsUsed()).toHaveText('2 of 2');
  await expect(page.seatOf(lost.fingerprint).getByTestId('seat-state')).toHaveText('Active');

  // Before confirming, the dialog says the old file keeps working offline until its lease end.
  const leaseEnd = (await page.seatOf(lost.fingerprint).getByTestId('seat-lease-end').textContent())!.trim();
  expect(leaseEnd).toMatch(/^\d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC$/);
  const dialog = await page.openRelease(lost.fingerprint);
  await expect(dialog.getByTestId('release-warning')).toContainText(`keeps working offline until its lease ends on ${leaseEnd}`);
  await expect(dialog.getByTestId('release-warning')).toContainText('in grace until');
  await page.confirmRelease(dialog, 'Laptop stolen on a business trip');

  await expect(page.releaseNotice()).toContainText('is released. This license has 1 of its 2 seats free.');
  await expect(page.releaseNotice()).toContainText(`keeps working offline until ${leaseEnd}`);
  await expect(page.seatsUsed()).toHaveText('1 of 2');
  const releasedRow = page.seatOf(lost.fingerprint);
  await expect(releasedRow.getByTestId('seat-state')).toHaveText('Released');
  await expect(releasedRow.getByTestId('seat-release-info')).toContainText(`by ${staff.email}: Laptop stolen on a business trip`);
  await expect(releasedRow.getByRole('button', { name: 'Release seat' })).toHaveCount(0);

  // The third machine's request, refused before, now activates.
  await portal.activate(thirdRequest);
  await portal.expectActivated('2 of 2');

  // The license's audit trail shows who released what and why.
  await desk.reload();
  const release = page.auditEvents('seat.release');
  await expect(release).toHaveCount(1);
  await expect(release).toContainText(`by ${staff.email}`);
  await expect(release).toContainText('reason: Laptop stolen on a business trip');
  await expect(release).toContainText(`hostname: `);
  await expect(page.auditEvents('seat.activate')).toHaveCount(3);
  await expect(page.seatOf(third.fingerprint).getByTestId('seat-state')).toHaveText('Active');
  await expect(page.seatsUsed()).toHaveText('2 of 2');
});

test('support re-issues a license file that the machine installs, and notes what was done', async ({ page: desk, browser }, testInfo) => {
  const license = await createTestLicense({ seats: 1 });
  const machine = await CliMachine.createWithFingerprint(license.productSlug);
  const customer = await browser.newPage();
  const portal = new ActivatePage(customer);
  await portal.activate(await machine.request(license.key));
  await portal.expectActivated('1 of 1');

  const staff = await createSupportUser();
  await new LoginPage(desk).goto(`/support/licenses/${license.licenseId}`);
  await new LoginPage(desk).signIn(staff.email, staff.password);
  const page = new SupportLicensePage(desk);
  await expect(page.issuedFiles()).toHaveCount(1);

  const download = await page.reissue(machine.fingerprint);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${license.productSlug}-.+\\.lic$`));
  const file = testInfo.outputPath('reissued.lic');
  await download.saveAs(file);
  const installed = await machine.install(file);
  expect(installed.stdout).toContain('status: valid');
  expect(installed.stdout).toContain(`license: ${license.licenseId}`);

  await expect(page.issuedFiles()).toHaveCount(2);
  await expect(page.issuedFiles().first()).toContainText('Re-issue by support');
  await expect(page.issuedFiles().first()).toContainText(staff.email);
  await expect(page.auditEvents('seat.reissue')).toContainText(`by ${staff.email}`);

  await page.addNote('Customer could not reach the portal; re-issued the file by email.');
  await expect(page.notes().first()).toContainText('re-issued the file by email');
  await expect(page.notes().first().getByTestId('note-meta')).toContainText(`Sam Support (${staff.email})`);
});
