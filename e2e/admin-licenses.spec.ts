import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import { findLicenseById } from '@/db/queries/licenses';
import { TEST_ADMIN } from './fixtures/credentials';
import { createTestLicense } from './fixtures/domain';
import { AdminLicensesPage } from './pages/admin-licenses-page';
import { LoginPage } from './pages/login-page';

test('an admin issues several licenses with a CSV, finds one, suspends it with a reason, reinstates it, extends it, and sees it all in the audit log', async ({ page }) => {
  const suffix = crypto.randomBytes(3).toString('hex');
  const { planId } = await createTestLicense({ seats: 3 });
  await page.goto('/login?callbackUrl=/admin');
  await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');

  const licenses = new AdminLicensesPage(page);
  const keys = await licenses.issue({ planId, count: 3, customerName: `Initech ${suffix}`, customerEmail: `it-${suffix}@initech.example`, expiresOn: '2031-01-31' });
  expect(new Set(keys).size).toBe(3);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('download-csv').click();
  const csv = (await (await downloading).createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const lines = (await csv).trim().split('\r\n');
  expect(lines[0]).toBe('license_key,license_id,product,plan,customer_name,customer_email,expires_at');
  expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(keys);
  expect(lines[1]).toContain(`it-${suffix}@initech.example,2031-01-31T23:59:59.000Z`);

  // The keys are shown once: the list and the license page show them masked.
  await licenses.search(`it-${suffix}`);
  await expect(page.getByTestId('license-row')).toHaveCount(3);
  await expect(page.getByTestId('license-table')).not.toContainText(keys[0]!);
  await licenses.search(keys[1]!.toLowerCase());
  await expect(page.getByTestId('license-row')).toHaveCount(1);
  await page.getByTestId('license-row').getByRole('link').click();
  await expect(page).toHaveURL(/\/admin\/licenses\/[0-9a-f-]{36}$/);
  const licenseId = new URL(page.url()).pathname.split('/').at(-1)!;
  await expect(page.getByTestId('license-expiry')).toHaveText('31 Jan 2031');

  const suspend = page.getByTestId('suspend-form');
  await suspend.getByRole('button', { name: 'Suspend license' }).click();
  await expect(page.getByTestId('error-reason')).toContainText('Say why');
  await suspend.getByLabel('Reason for suspending').fill(`Chargeback ${suffix}`);
  await suspend.getByRole('button', { name: 'Suspend license' }).click();
  await expect(page.getByTestId('license-status')).toHaveText('Suspended');
  await expect(page.getByTestId('suspended-reason')).toHaveText(`Chargeback ${suffix}`);
  expect((await findLicenseById(licenseId))?.license).toMatchObject({ status: 'suspended', suspendedReason: `Chargeback ${suffix}` });

  await page.getByTestId('reinstate-submit').click();
  await expect(page.getByTestId('license-status')).toHaveText('Active');

  const expiry = page.getByTestId('expiry-form');
  await expiry.getByLabel('Expires on').fill('2020-01-01');
  await page.getByTestId('expiry-submit').click();
  await expect(page.getByTestId('error-expiresOn')).toContainText('future');
  await expiry.getByLabel('Expires on').fill('2032-06-30');
  await page.getByTestId('expiry-submit').click();
  await expect(page.getByTestId('license-expiry')).toHaveText('30 Jun 2032');
  expect((await findLicenseById(licenseId))?.license.expiresAt?.toISOString()).toBe('2032-06-30T23:59:59.000Z');

  await page.goto(`/admin/audit?license=${licenseId}`);
  const actions = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
  expect(actions).toEqual(['license.change_expiry', 'license.reinstate', 'license.suspend', 'license.issue']);
  await expect(page.getByTestId('audit-row').first()).toContainText(TEST_ADMIN.email);
  await expect(page.getByTestId('audit-row').nth(2)).toContainText(`Chargeback ${suffix}`);
});
