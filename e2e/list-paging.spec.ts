import crypto from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { SYSTEM_ACTOR } from '@/lib/core/actor';
import { issueLicenses } from '@/lib/licensing/issue-licenses';
import { TEST_ADMIN } from './fixtures/credentials';
import { createTestLicense } from './fixtures/domain';
import { LoginPage } from './pages/login-page';

/** 30 licenses of one customer, whose name no other test uses. */
async function thirtyLicenses(): Promise<string> {
  const customerName = `Pagecorp${crypto.randomBytes(3).toString('hex')}`;
  const { planId } = await createTestLicense({ seats: 1, customerName });
  const more = await issueLicenses({ planId, count: 29, customerName, customerEmail: '', expiresAt: null }, SYSTEM_ACTOR);
  if (!more.ok) throw new Error(more.message);
  return customerName;
}

async function expectPage(page: Page, rows: string, count: number, summary: string, links: { previous: boolean; next: boolean }) {
  await expect(page.getByTestId(rows)).toHaveCount(count);
  await expect(page.getByTestId('pagination')).toContainText(summary);
  await expect(page.getByRole('link', { name: 'Previous' })).toHaveCount(links.previous ? 1 : 0);
  await expect(page.getByRole('link', { name: 'Next' })).toHaveCount(links.next ? 1 : 0);
}

test('the admin license list and the support search page by cursor: Next, then Previous back to the first page', async ({ page }) => {
  const customer = await thirtyLicenses();
  await page.goto(`/login?callbackUrl=${encodeURIComponent(`/admin/licenses?q=${customer}`)}`);
  await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);

  await expectPage(page, 'license-row', 25, '25 shown of 30', { previous: false, next: true });
  const firstPage = await page.getByTestId('license-row').allTextContents();
  await page.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/[?&]after=/);
  await expectPage(page, 'license-row', 5, '5 shown of 30', { previous: true, next: false });
  const secondPage = await page.getByTestId('license-row').allTextContents();
  expect(new Set([...firstPage, ...secondPage]).size).toBe(30);
  await page.getByRole('link', { name: 'Previous' }).click();
  await expect(page).toHaveURL(/[?&]before=/);
  await expectPage(page, 'license-row', 25, '25 shown of 30', { previous: false, next: true });
  expect(await page.getByTestId('license-row').allTextContents()).toEqual(firstPage);

  await page.goto(`/support?q=${encodeURIComponent(customer)}`);
  await expectPage(page, 'search-result', 20, '20 shown of 30 licenses', { previous: false, next: true });
  await page.getByRole('link', { name: 'Next' }).click();
  await expectPage(page, 'search-result', 10, '10 shown of 30 licenses', { previous: true, next: false });
});
