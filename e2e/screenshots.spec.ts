/**
 * Not a test: a camera. `GATEPASS_SCREENSHOTS=/some/dir npm test -- e2e` (or a single run of
 * this spec) saves every page in its main states at 1280×800 and 390×844, light and dark, for
 * a person to look at. Collected only when GATEPASS_SCREENSHOTS names a directory (playwright.config.ts).
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { VIEWPORTS } from './fixtures/axe';
import { TEST_ADMIN } from './fixtures/credentials';
import { createTestLicense } from './fixtures/domain';
import { makeMachines } from './fixtures/machines';
import { ActivatePage } from './pages/activate-page';
import { LicenseKeyPage } from './pages/license-key-page';
import { LoginPage } from './pages/login-page';

const dir = process.env.GATEPASS_SCREENSHOTS;
const schemes = (process.env.GATEPASS_SCREENSHOT_SCHEMES ?? 'light,dark').split(',') as Array<'light' | 'dark'>;

async function shoot(page: Page, name: string) {
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(dir!, `${name}-${scheme}.png`), fullPage: true });
  }
}

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  test(`screenshots at ${size} size`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ viewport, hasTouch: size === 'phone', isMobile: size === 'phone' });
    const page = await context.newPage();
    const license = await createTestLicense({ seats: 3, customerName: 'Screenshot Customer', customerEmail: `shots-${Date.now()}@customer.example` });
    const machines = await makeMachines(2, 'design-laptop');
    const activate = new ActivatePage(page);
    await activate.goto();
    await shoot(page, `${size}-activate`);
    await activate.upload({ name: 'm.req', mimeType: 'application/octet-stream', buffer: Buffer.from(await machines[0]!.request({ key: license.key, product: { slug: license.productSlug } })) });
    await activate.expectActivated('1 of 3');
    await page.screenshot({ path: path.join(dir!, `${size}-activate-result-viewport.png`) });
    await shoot(page, `${size}-activate-result`);
    await activate.upload({ name: 'm.req', mimeType: 'application/octet-stream', buffer: Buffer.from(await machines[1]!.request({ key: license.key, product: { slug: license.productSlug } })) });
    await activate.expectActivated('2 of 3');
    for (const where of ['/license', '/refresh'] as const) {
      const lookup = new LicenseKeyPage(page, where);
      await lookup.goto();
      await lookup.enterKey(license.key);
      await expect(page.getByTestId('seat-row')).toHaveCount(2);
      await shoot(page, `${size}${where.replace('/', '-')}`);
    }
    await page.goto('/deactivate');
    await shoot(page, `${size}-deactivate`);
    await page.goto('/nope');
    await shoot(page, `${size}-404`);
    await new LoginPage(page).goto('/admin');
    await shoot(page, `${size}-login`);
    await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await shoot(page, `${size}-admin`);
    const pages: Array<[string, string]> = [
      ['/admin/products', 'products'],
      [`/admin/products/${license.productId}`, 'product'],
      [`/admin/plans/${license.planId}`, 'plan'],
      ['/admin?days=90', 'admin-90-days'],
      ['/admin/licenses', 'licenses'],
      ['/admin/licenses?sort=customer&dir=asc', 'licenses-by-customer'],
      ['/admin/licenses/new', 'licenses-new'],
      [`/admin/licenses/${license.licenseId}`, 'license'],
      ['/admin/users', 'users'],
      ['/admin/keys', 'keys'],
      ['/admin/audit', 'audit'],
      ['/support', 'support'],
      [`/support?q=${encodeURIComponent('Screenshot Customer')}`, 'support-results'],
      [`/support/licenses/${license.licenseId}`, 'support-license'],
    ];
    for (const [where, name] of pages) {
      await page.goto(where);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await shoot(page, `${size}-${name}`);
    }
    await page.goto('/admin/keys');
    await page.getByTestId('rotate-open').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await shoot(page, `${size}-keys-rotate-dialog`);
    await context.close();
  });
}
