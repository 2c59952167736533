// Issue 14, point 6: lists sort by the columns people sort by, with links a keyboard
// reaches and `aria-sort` on the sorted header; the search and the order survive each other.
import crypto from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { SYSTEM_ACTOR } from '@/lib/core/actor';
import { issueLicenses } from '@/lib/licensing/issue-licenses';
import { TEST_ADMIN } from './fixtures/credentials';
import { createTestLicense } from './fixtures/domain';
import { createSupportUser } from './fixtures/support-user';
import { LoginPage } from './pages/login-page';

/** Sorts by a column from the keyboard: focus its header link, press Enter, wait for the order to show. */
async function sortBy(page: Page, column: string, direction: 'ascending' | 'descending') {
  await page.getByTestId(`sort-${column}`).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('th[aria-sort]')).toHaveCount(1);
  await expect(page.locator('th', { has: page.getByTestId(`sort-${column}`) })).toHaveAttribute('aria-sort', direction);
}

test('an admin sorts the license list by customer and expiry, both ways, and the users list by role', async ({ page }) => {
  const tag = `Sortspec${crypto.randomBytes(3).toString('hex')}`;
  const { planId } = await createTestLicense({ customerName: `${tag} Bravo`, expiresAt: new Date('2031-03-01T00:00:00Z') });
  for (const [name, expiresAt] of [
    ['Alpha', new Date('2032-01-01T00:00:00Z')],
    ['charlie', null],
  ] as const) {
    const issued = await issueLicenses({ planId, customerName: `${tag} ${name}`, expiresAt }, SYSTEM_ACTOR);
    expect(issued.ok).toBe(true);
  }
  await new LoginPage(page).goto(`/admin/licenses?q=${tag}`);
  await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  const customers = page.getByTestId('license-row').locator('td:nth-child(2) > div:first-child');
  await expect(page.getByTestId('license-row')).toHaveCount(3);
  // Newest first by default, and the Created header says so.
  await expect(page.locator('th', { has: page.getByTestId('sort-created') })).toHaveAttribute('aria-sort', 'descending');

  await sortBy(page, 'customer', 'ascending');
  await expect(customers).toHaveText([`${tag} Alpha`, `${tag} Bravo`, `${tag} charlie`]);
  await expect(page).toHaveURL(new RegExp(`q=${tag}.*sort=customer&dir=asc`));
  await sortBy(page, 'customer', 'descending');
  await expect(customers).toHaveText([`${tag} charlie`, `${tag} Bravo`, `${tag} Alpha`]);

  // Expiry soonest first; a license that never expires comes last.
  await sortBy(page, 'expires', 'ascending');
  await expect(page.getByTestId('license-expires')).toHaveText(['1 Mar 2031', '1 Jan 2032', 'never']);
  await sortBy(page, 'expires', 'descending');
  await expect(page.getByTestId('license-expires')).toHaveText(['never', '1 Jan 2032', '1 Mar 2031']);

  // A new search keeps the order (the form carries it).
  await page.getByRole('searchbox', { name: 'Search licenses' }).fill(tag);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/sort=expires&dir=desc/);
  await expect(page.getByTestId('license-expires')).toHaveText(['never', '1 Jan 2032', '1 Mar 2031']);

  await createSupportUser();
  await page.goto('/admin/users');
  await sortBy(page, 'role', 'ascending');
  const roles = (await page.getByTestId('user-role').allTextContents()).map((role) => role.trim());
  expect(new Set(roles)).toEqual(new Set(['admin', 'support']));
  expect(roles).toEqual([...roles].sort());
  await sortBy(page, 'role', 'descending');
  const flipped = (await page.getByTestId('user-role').allTextContents()).map((role) => role.trim());
  expect(flipped).toEqual([...flipped].sort().reverse());
});

test('on a phone the list sorts from a sort bar above the cards', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await new LoginPage(page).goto('/admin/licenses');
  await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  const bar = page.getByRole('navigation', { name: 'Sort by' });
  await expect(bar).toBeVisible();
  await expect(bar.getByRole('link', { name: /^Created/ })).toHaveAttribute('aria-current', 'true');
  await bar.getByRole('link', { name: /^Expires/ }).click();
  await expect(page).toHaveURL(/sort=expires&dir=asc/);
  await expect(bar.getByRole('link', { name: /^Expires/ })).toHaveAttribute('aria-current', 'true');
  // The hidden head's links are out of the tab order: the bar is the way to sort here.
  await expect(page.getByTestId('sort-expires')).toBeHidden();
});
