// Issue 14, point 6: the admin and support consoles show a license the same way, in the
// same words, and an admin can release a seat there with the same dialog as support.
import { expect, test } from '@playwright/test';
import { TEST_ADMIN } from './fixtures/credentials';
import { createTestLicense } from './fixtures/domain';
import { forMachines, makeMachine } from './fixtures/machines';
import { LoginPage } from './pages/login-page';
import { SupportLicensePage } from './pages/support-license-page';

test('an admin releases a seat from the admin license page; the audit log names the admin', async ({ page, request }) => {
  const license = await createTestLicense({ seats: 2, customerName: 'Grace Customer' });
  const lost = await makeMachine('admin-release-lost');
  const kept = await makeMachine('admin-release-kept');
  for (const machine of [lost, kept]) {
    const activated = await request.post('/api/v1/activations', { data: await machine.request(forMachines(license)), headers: { 'content-type': 'text/plain' } });
    expect(activated.status()).toBe(201);
  }

  await new LoginPage(page).goto(`/admin/licenses/${license.licenseId}`);
  await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  await expect(page).toHaveURL(new RegExp(`/admin/licenses/${license.licenseId}$`));

  // One vocabulary: the admin page's facts carry the same labels and values as support's.
  const facts = () => page.getByTestId('license-summary').locator('dt, [data-testid="license-status"], [data-testid="license-seats"]').allTextContents();
  const adminFacts = await facts();
  expect(adminFacts).toEqual(expect.arrayContaining(['Active', 'Seats in use', '2 of 2']));
  await page.goto(`/support/licenses/${license.licenseId}`);
  expect(await facts()).toEqual(adminFacts);
  await page.goto(`/admin/licenses/${license.licenseId}`);

  const admin = new SupportLicensePage(page);
  const dialog = await admin.openRelease(lost.fingerprint);
  await expect(dialog.getByTestId('release-warning')).toContainText('keeps working offline until');
  await admin.confirmRelease(dialog, 'Mainboard replaced');

  // Back on the admin page (not support's), with the same notice and the seat released.
  await expect(admin.releaseNotice()).toContainText('“admin-release-lost” is released. This license has 1 of its 2 seats free.');
  await expect(page).toHaveURL(new RegExp(`/admin/licenses/${license.licenseId}\\?released=`));
  await expect(page.getByTestId('suspend-form')).toBeVisible();
  await expect(admin.seatsUsed()).toHaveText('1 of 2');
  await expect(admin.seatOf(lost.fingerprint).getByTestId('seat-state')).toHaveText('Released');
  await expect(admin.seatOf(lost.fingerprint).getByTestId('seat-release-info')).toContainText(`by ${TEST_ADMIN.email}: Mainboard replaced`);
  await expect(admin.seatOf(kept.fingerprint).getByTestId('seat-state')).toHaveText('Active');

  await page.goto(`/admin/audit?license=${license.licenseId}`);
  const release = page.locator('[data-testid="audit-row"][data-action="seat.release"]');
  await expect(release).toHaveCount(1);
  await expect(release).toContainText(TEST_ADMIN.email);
  await expect(release).toContainText('Mainboard replaced');
});
