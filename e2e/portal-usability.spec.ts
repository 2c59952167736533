/**
 * Issue 14 on the portal, as a person meets it: where focus goes after an upload, what a
 * screen reader hears, what a keyboard reaches, and what a phone shows without scrolling sideways.
 */
import { expect, test, type Page } from '@playwright/test';
import { VIEWPORTS } from './fixtures/axe';
import { createTestLicense } from './fixtures/domain';
import { makeMachine, makeMachines } from './fixtures/machines';
import { ActivatePage } from './pages/activate-page';
import { LicenseKeyPage } from './pages/license-key-page';

/** A license and `count` activation requests; with `hostname`, every machine has that same name. */
async function licenseAndRequests(count: number, hostname?: string) {
  const license = await createTestLicense({ seats: 3 });
  const machines = hostname ? await Promise.all(Array.from({ length: count }, () => makeMachine(hostname))) : await makeMachines(count, 'usability-laptop');
  const requests = await Promise.all(machines.map((machine) => machine.request({ key: license.key, product: { slug: license.productSlug } })));
  return { license, requests };
}

const asFile = (text: string) => ({ name: 'machine.req', mimeType: 'application/octet-stream', buffer: Buffer.from(text) });

/** Nothing on the page is wider than the screen: no sideways scrolling. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test.describe('at 1280×800', () => {
  test.use({ viewport: VIEWPORTS.desktop });

  test('after an activation, focus is on the result, it is announced, and Download is the next control, on screen', async ({ page }) => {
    const { requests } = await licenseAndRequests(1);
    const activate = new ActivatePage(page);
    await activate.goto();
    await page.getByTestId('choose-file').focus();
    await activate.upload(asFile(requests[0]!));

    const heading = page.getByRole('heading', { name: 'Machine activated' });
    await expect(heading).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Machine activated' })).toContainText('Next: download the license file');
    await page.keyboard.press('Tab');
    const download = page.getByTestId('download-license');
    await expect(download).toBeFocused();
    await expect(download).toBeInViewport({ ratio: 1 });
  });

  test('a refused upload keeps focus on Choose file… and says why in an alert', async ({ page }) => {
    const activate = new ActivatePage(page);
    await activate.goto();
    const choose = page.getByTestId('choose-file');
    await choose.focus();
    await activate.upload(asFile('this is not an activation request'));
    await expect(page.getByTestId('dropzone-error')).toHaveAttribute('role', 'alert');
    await expect(choose).toBeFocused();
  });

  test('Ctrl+V on the Activate page uploads the request on the clipboard', async ({ page, context }) => {
    const { requests } = await licenseAndRequests(1);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const activate = new ActivatePage(page);
    await activate.goto();
    await page.evaluate((text) => navigator.clipboard.writeText(text), requests[0]!);
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('Control+V');
    await activate.expectActivated('1 of 3');
  });

  test('a keyboard reaches the content by the skip link, and the drop zone is one tab stop', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    // From the top of main, the drop zone's one control comes first, then the paste option.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Choose file…' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByText('Paste the text instead')).toBeFocused();
    // Every control shows the same 2px focus ring.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineWidth);
    expect(outline).toBe('2px');
  });

  test('the navigation marks the page the person is on', async ({ page }) => {
    await page.goto('/refresh');
    const nav = page.getByRole('navigation', { name: 'Portal' });
    await expect(nav.getByRole('link', { name: 'Refresh' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'Activate', exact: true })).not.toHaveAttribute('aria-current', /.*/);
  });

  test('a mistyped address gets a designed 404 page with a way back', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId('not-found')).toContainText('There is no page at this address');
    await page.getByRole('link', { name: 'Back to the portal' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Activate a machine');
  });
});

test.describe('on a 390×844 phone', () => {
  test.use({ viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true });

  test('the drop zone asks to choose the file, not to drag it', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText('Choose the activation request (.req) your application wrote')).toBeVisible();
    await expect(page.getByText(/Drag the activation request/)).toBeHidden();
    await expectNoSidewaysScroll(page);
  });

  test('Refresh shows each machine as a card with its action on screen, and same-named machines apart', async ({ page }) => {
    const { license, requests } = await licenseAndRequests(2, 'build-agent');
    const activate = new ActivatePage(page);
    for (const request of requests) {
      await activate.activate(asFile(request));
      await expect(page.getByTestId('license-file-summary')).toBeVisible();
    }
    const refresh = new LicenseKeyPage(page, '/refresh');
    await refresh.goto();
    await refresh.enterKey(license.key);
    const rows = page.getByTestId('seat-row');
    await expect(rows).toHaveCount(2);
    await expectNoSidewaysScroll(page);
    for (const row of await rows.all()) {
      const action = row.getByRole('button', { name: 'Get refreshed file' });
      await action.scrollIntoViewIfNeeded();
      await expect(action).toBeInViewport({ ratio: 1 });
      // Each cell names its column, as the table's heading does on a wide screen.
      await expect(row.getByTestId('seat-status')).toHaveAttribute('data-label', 'Status');
    }
    // Both are called build-agent; the start of the seat id tells them apart.
    await expect(rows.getByTestId('seat-device')).toHaveText(['build-agent', 'build-agent']);
    const devices = await rows.locator('td:first-child').allTextContents();
    expect(new Set(devices).size).toBe(2);
  });

  test('after an activation the Download button is on screen', async ({ page }) => {
    const { requests } = await licenseAndRequests(1);
    const activate = new ActivatePage(page);
    await activate.activate(asFile(requests[0]!));
    await expect(page.getByRole('heading', { name: 'Machine activated' })).toBeFocused();
    await expect(page.getByTestId('download-license')).toBeInViewport({ ratio: 1 });
    await expectNoSidewaysScroll(page);
  });
});
