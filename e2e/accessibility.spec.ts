import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, VIEWPORTS } from './fixtures/axe';
import { TEST_ADMIN } from './fixtures/credentials';
import { createTestLicense } from './fixtures/domain';
import { makeMachines } from './fixtures/machines';
import { createSupportUser } from './fixtures/support-user';
import { ActivatePage } from './pages/activate-page';
import { LicenseKeyPage } from './pages/license-key-page';
import { LoginPage } from './pages/login-page';

/** A license with one activated machine, so tables, seats and the audit log have rows. */
async function licenseWithSeat() {
  const license = await createTestLicense({ seats: 2, customerName: 'Axe Customer', customerEmail: `axe-${Date.now()}@customer.example` });
  const [machine] = await makeMachines(1, 'axe-laptop');
  return { license, request: await machine!.request({ key: license.key, product: { slug: license.productSlug } }) };
}

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(`axe at ${size} size`, () => {
    test.use({ viewport });
    // Each test walks a dozen pages and runs axe on each: more than the default minute on a busy machine.
    test.describe.configure({ timeout: 180_000 });

    test(`portal pages have no serious or critical violations (${size})`, async ({ page }, testInfo) => {
      const { license, request } = await licenseWithSeat();
      const check = (label: string) => expectNoSeriousViolations(page, testInfo, `${size} ${label}`);

      const activate = new ActivatePage(page);
      await activate.goto();
      await check('/');
      await activate.upload({ name: 'machine.req', mimeType: 'application/octet-stream', buffer: Buffer.from(request) });
      await activate.expectActivated('1 of 2');
      await check('/ after activation');
      await activate.upload({ name: 'junk.req', mimeType: 'application/octet-stream', buffer: Buffer.from('not a request') });
      await expect(page.getByTestId('dropzone-error')).toBeVisible();
      await check('/ with an error');

      for (const path of ['/license', '/refresh'] as const) {
        const lookup = new LicenseKeyPage(page, path);
        await lookup.goto();
        await check(path);
        await lookup.enterKey(license.key);
        await expect(page.getByTestId('seat-row')).toHaveCount(1);
        await check(`${path} with seats`);
      }
      await page.goto('/deactivate');
      await check('/deactivate');
      for (const [path, heading] of [
        ['/code', 'Enter a code'],
        ['/revocations', 'Revocation list'],
      ] as const) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
        await check(path);
      }
      await page.goto('/login');
      await check('/login');
      await page.goto('/no-such-page');
      await check('404');
    });

    test(`admin pages have no serious or critical violations (${size})`, async ({ page }, testInfo) => {
      const { license, request } = await licenseWithSeat();
      const activate = new ActivatePage(page);
      await activate.activate({ name: 'machine.req', mimeType: 'application/octet-stream', buffer: Buffer.from(request) });
      await activate.expectActivated('1 of 2');
      const check = (label: string) => expectNoSeriousViolations(page, testInfo, `${size} ${label}`);

      await new LoginPage(page).goto('/admin');
      await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
      await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
      await check('/admin');
      const pages: Array<[string, string]> = [
        ['/admin/products', 'Products & plans'],
        [`/admin/products/${license.productId}`, 'Test App'],
        [`/admin/plans/${license.planId}`, 'Test plan'],
        [`/admin/products/${license.productId}/plans/new`, 'New plan'],
        ['/admin/licenses', 'Licenses'],
        ['/admin/licenses?sort=expires&dir=asc', 'Licenses'],
        ['/admin?days=90', 'Overview'],
        ['/admin/licenses/new', 'Issue licenses'],
        [`/admin/licenses/${license.licenseId}`, ''],
        ['/admin/users', 'Users'],
        ['/admin/keys', 'Signing keys'],
        ['/admin/api-tokens', 'API tokens'],
        ['/admin/webhooks', 'Webhooks'],
        ['/admin/audit', 'Audit log'],
      ];
      for (const [path, heading] of pages) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
        await check(path.replace(/[0-9a-f-]{36}/g, '[id]'));
      }
    });

    test(`support pages have no serious or critical violations (${size})`, async ({ page }, testInfo) => {
      const { license, request } = await licenseWithSeat();
      const activate = new ActivatePage(page);
      await activate.activate({ name: 'machine.req', mimeType: 'application/octet-stream', buffer: Buffer.from(request) });
      await activate.expectActivated('1 of 2');
      const check = (label: string) => expectNoSeriousViolations(page, testInfo, `${size} ${label}`);

      const staff = await createSupportUser();
      await new LoginPage(page).goto('/support');
      await new LoginPage(page).signIn(staff.email, staff.password);
      await expect(page.getByRole('heading', { name: 'Support console' })).toBeVisible();
      await check('/support');
      await page.goto(`/support?q=${encodeURIComponent('Axe Customer')}`);
      await expect(page.getByTestId('search-result').first()).toBeVisible();
      await check('/support with results');
      await page.goto(`/support/licenses/${license.licenseId}`);
      await expect(page.getByTestId('license-summary')).toBeVisible();
      await check('/support/licenses/[id]');
      await page.getByRole('button', { name: 'Release seat' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await check('/support/licenses/[id] release dialog');
      await page.goto('/admin');
      await expect(page.getByTestId('forbidden')).toBeVisible();
      await check('403');
    });
  });
}
