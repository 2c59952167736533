// Issue 13, point 7: a 255-character host name without spaces (the protocol's limit)
// must not make any page that lists machines wider than the window; the full name
// stays readable on hover.
import { expect, test, type Page } from '@playwright/test';
import { makeMachine } from '@/lib/testing/licensing-fixtures';
import { TEST_ADMIN } from './fixtures/credentials';
import { createTestLicense } from './fixtures/domain';
import { forMachines } from './fixtures/machines';
import { LicenseKeyPage } from './pages/license-key-page';
import { LoginPage } from './pages/login-page';

const HOSTNAME = `build-agent-${'x'.repeat(243)}`; // 255 characters, no break opportunity

async function expectNoSideways(page: Page, where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${where} is ${overflow}px wider than the window`).toBeLessThanOrEqual(0);
}

test('a 255-character host name is cut with an ellipsis, in full on hover, on every page that lists machines', async ({ page, request }) => {
  expect(HOSTNAME).toHaveLength(255);
  await page.setViewportSize({ width: 1280, height: 900 });
  const license = await createTestLicense({ seats: 2 });
  const activated = await request.post('/api/v1/activations', { data: await (await makeMachine(HOSTNAME)).request(forMachines(license)), headers: { 'content-type': 'text/plain' } });
  expect(activated.status()).toBe(201);

  for (const path of ['/license', '/refresh'] as const) {
    const portal = new LicenseKeyPage(page, path);
    await portal.goto();
    await portal.enterKey(license.key);
    const device = page.getByTestId('seat-device').first();
    await expect(device).toHaveAttribute('title', HOSTNAME);
    await expectNoSideways(page, path);
  }

  await new LoginPage(page).goto('/admin');
  await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(`/support/licenses/${license.licenseId}`);
  await expect(page.getByTestId('seat-device')).toHaveAttribute('title', HOSTNAME);
  await expectNoSideways(page, 'the support license page');
  await page.goto(`/admin/licenses/${license.licenseId}`);
  await expect(page.getByTestId('seat-device')).toHaveAttribute('title', HOSTNAME);
  await expectNoSideways(page, 'the admin license page');
});
