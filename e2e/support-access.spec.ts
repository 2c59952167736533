import { expect, test, type APIRequestContext } from '@playwright/test';
import { listLicenseFilesOfLicense } from '@/db/queries/support-license-history';
import { findSeatById } from '@/db/queries/seats';
import { TEST_ADMIN } from './fixtures/credentials';
import { createTestLicense } from './fixtures/domain';
import { CliMachine } from './fixtures/cli';
import { createSupportUser } from './fixtures/support-user';
import { LoginPage } from './pages/login-page';
import { SupportLicensePage } from './pages/support-license-page';
import { ActivatePage } from './pages/activate-page';

/** A license with one activated machine, so there is a seat to protect. */
async function licenseWithSeat(page: import('@playwright/test').Page) {
  const license = await createTestLicense({ seats: 2 });
  const machine = await CliMachine.createWithFingerprint(license.productSlug);
  const portal = new ActivatePage(page);
  await portal.activate(await machine.request(license.key));
  await portal.expectActivated('1 of 2');
  const seat = (await listLicenseFilesOfLicense(license.licenseId, 1))[0]!.file.seatId;
  return { license, machine, seatId: seat };
}

async function expectReissueRefused(request: APIRequestContext, seatId: string) {
  const response = await request.post(`/support/seats/${seatId}/reissue`);
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: { code: 'ERR_UNAUTHENTICATED', message: expect.stringContaining('Sign in again') } });
}

test('an anonymous visitor reaches no support page, action or route', async ({ page }) => {
  const { license, seatId } = await licenseWithSeat(page);
  for (const path of ['/support', '/support?q=customer', `/support/licenses/${license.licenseId}`, '/support/licenses/does-not-exist']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsupport/);
    await expect(page.getByTestId('login-form')).toBeVisible();
  }
  await expectReissueRefused(page.request, seatId);
  expect(await listLicenseFilesOfLicense(license.licenseId, 10)).toHaveLength(1);
  expect((await findSeatById(seatId))?.status).toBe('active');
});

test('a signed-out session can no longer release a seat, re-issue a file or open a support page', async ({ browser }) => {
  const context = await browser.newContext();
  const desk = await context.newPage();
  const { license, machine, seatId } = await licenseWithSeat(desk);
  const staff = await createSupportUser();
  await new LoginPage(desk).goto(`/support/licenses/${license.licenseId}`);
  await new LoginPage(desk).signIn(staff.email, staff.password);
  const page = new SupportLicensePage(desk);
  await expect(page.seatsUsed()).toHaveText('1 of 2');
  const dialog = await page.openRelease(machine.fingerprint);

  // The same person signs out in another tab; this tab still shows the open dialog.
  const other = await context.newPage();
  await other.goto('/support');
  await other.getByRole('button', { name: 'Sign out' }).click();
  await expect(other).toHaveURL(/\/login/);

  // The server action, invoked from the stale page, is refused and changes nothing.
  await page.confirmRelease(dialog, 'Lost in a flood');
  await expect(dialog.getByTestId('release-error')).toHaveText('Your session has ended. Sign in again, then repeat what you did.');
  expect(await findSeatById(seatId)).toMatchObject({ status: 'active', releaseReason: null });
  await page.cancelRelease(dialog);

  await page.addNote('This note must not be saved.');
  await expect(desk.getByTestId('note-error')).toContainText('Your session has ended');

  await expectReissueRefused(desk.request, seatId);
  expect(await listLicenseFilesOfLicense(license.licenseId, 10)).toHaveLength(1);

  await desk.goto(`/support/licenses/${license.licenseId}`);
  await expect(desk).toHaveURL(/\/login\?callbackUrl=%2Fsupport%2Flicenses%2F/);
  await desk.goto('/support');
  await expect(desk).toHaveURL(/\/login\?callbackUrl=%2Fsupport$/);
  await context.close();
});

test('an admin may use the support console too', async ({ page }) => {
  const license = await createTestLicense({ seats: 1, customerName: 'Admin Visible Customer' });
  await new LoginPage(page).goto('/support');
  await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Support console' })).toBeVisible();
  await page.goto(`/support/licenses/${license.licenseId}`);
  await expect(page.getByTestId('license-key')).toHaveText(license.key);
});
