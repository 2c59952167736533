// Issue 14, points 6 and 7: the small things a person notices, each checked in the browser.
import crypto from 'node:crypto';
import { expect, test, type Route } from '@playwright/test';
import { TEST_ADMIN } from './fixtures/credentials';
import { createTestLicense } from './fixtures/domain';
import { AdminUsersPage } from './pages/admin-users-page';
import { LicenseKeyPage } from './pages/license-key-page';
import { LoginPage } from './pages/login-page';

test('a new look-up clears the last error at once, not when the answer arrives', async ({ page }) => {
  const license = await createTestLicense();
  const lookup = new LicenseKeyPage(page, '/license');
  await lookup.goto();
  await lookup.enterKey('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE');
  await expect(page.getByTestId('lookup-error')).toBeVisible();

  // Hold the next look-up's answer on the wire (nothing of ours is replaced): the old error must already be gone.
  let held: Route | undefined;
  const holding = new Promise<void>((resolve) => {
    void page.route('**/api/portal/lookup', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      held = route;
      resolve();
    });
  });
  await lookup.enterKey(license.key);
  await holding;
  await expect(page.getByTestId('lookup-error')).toBeHidden();
  await held!.continue();
  await expect(page.getByTestId('license-status')).toHaveText('Active');
});

test('the pages have a favicon and follow the system’s dark setting', async ({ page, request }) => {
  await page.goto('/');
  const icon = page.locator('link[rel="icon"]');
  await expect(icon).toHaveCount(1);
  const served = await request.get((await icon.getAttribute('href'))!);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toContain('image/svg+xml');

  // The sum of the page background's red, green and blue (0 to 765), read through a canvas (the style may be oklch()).
  const background = () =>
    page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 1;
      const context = canvas.getContext('2d')!;
      context.fillStyle = getComputedStyle(document.body).backgroundColor;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
      return r! + g! + b!;
    });
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await background();
  expect(light).toBeGreaterThan(600);
  expect(dark).toBeLessThan(150);
});

test('the overview cards lead to their lists; the new-user form clears and its password copies', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await new LoginPage(page).goto('/admin');
  await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  await page.getByRole('link', { name: /Seats in use/ }).click();
  await expect(page).toHaveURL(/\/admin\/licenses\?status=active$/);
  await expect(page.getByLabel('Status')).toHaveValue('active');
  await page.goto('/admin');
  await page.getByRole('link', { name: /Activations, 30 days/ }).click();
  await expect(page).toHaveURL(/\/admin\/audit\?action=seat\.activate&from=\d{4}-\d{2}-\d{2}$/);

  const email = `copy-${crypto.randomBytes(3).toString('hex')}@gatepass.test`;
  const password = await new AdminUsersPage(page).createUser(email, 'support');
  const form = page.getByTestId('create-user-form');
  await expect(form.getByLabel('Email')).toHaveValue('');
  await form.getByTestId('copy-password').click();
  await expect(form).toContainText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);
});
