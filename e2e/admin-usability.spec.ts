/**
 * Issue 14 in the admin's daily work: filters that look like filters, exports of what the
 * filter shows, confirmations that can be cancelled, the audit log in words, forms that keep
 * or clear what they should, and a dashboard that fits a phone.
 */
import crypto from 'node:crypto';
import { expect, test, type Download, type Page } from '@playwright/test';
import { VIEWPORTS } from './fixtures/axe';
import { TEST_ADMIN } from './fixtures/credentials';
import { createTestLicense } from './fixtures/domain';
import { AdminCatalogPage } from './pages/admin-catalog-page';
import { AdminUsersPage } from './pages/admin-users-page';
import { LoginPage } from './pages/login-page';

async function signInAsAdmin(page: Page, to = '/admin') {
  await new LoginPage(page).goto(to);
  await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

async function csvOf(download: Promise<Download>): Promise<string[]> {
  const stream = await (await download).createReadStream();
  const text = Buffer.concat(await stream.toArray()).toString('utf8');
  return text.trim().split('\r\n');
}

test.describe('at 1280×800', () => {
  test.use({ viewport: VIEWPORTS.desktop });

  test('the Licenses and Audit log filters are drawn as fields, not with a function for a class', async ({ page }) => {
    await signInAsAdmin(page, '/admin/licenses');
    for (const [path, field] of [
      ['/admin/licenses', page.getByLabel('Search licenses')],
      ['/admin/licenses', page.getByLabel('Status')],
      ['/admin/audit', page.getByLabel('License id')],
      ['/admin/audit', page.getByLabel('Action')],
    ] as const) {
      await page.goto(path);
      await expect(field).toBeVisible();
      await expect(field).not.toHaveAttribute('class', /=>|function|\{/);
      await expect(field).toHaveCSS('border-top-width', '1px');
      await expect(field).toHaveCSS('background-color', 'rgb(255, 255, 255)');
    }
  });

  test('the audit log reads in words, filters by labelled From/To days, and exports what it shows as CSV', async ({ page }) => {
    const { planId } = await createTestLicense({ ttlSeconds: 365 * 86_400 });
    await signInAsAdmin(page, '/admin/audit');
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('Action').selectOption('plan.create');
    await page.getByLabel('From (UTC day)').fill(today);
    await page.getByLabel('To (UTC day, inclusive)').fill(today);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/action=plan\.create/);
    const row = page.getByTestId('audit-row').filter({ hasText: planId.slice(0, 8) });
    await expect(row).toContainText('offline TTL: 365 days');
    await expect(row).not.toContainText('31536000');

    const lines = await csvOf(Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]).then(([d]) => d));
    expect(lines[0]).toBe('at,actor,ip,action,target_type,target_id,license_id,details');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.split(',')[3] === 'plan.create')).toBe(true);
    expect(lines.some((line) => line.includes(planId))).toBe(true);
  });

  test('the licenses list exports the licenses of its search as CSV, keys masked', async ({ page }) => {
    const customerEmail = `export-${crypto.randomBytes(3).toString('hex')}@customer.example`;
    const license = await createTestLicense({ customerEmail, customerName: 'Export Customer' });
    await signInAsAdmin(page, `/admin/licenses?q=${encodeURIComponent(customerEmail)}`);
    await expect(page.getByTestId('license-row')).toHaveCount(1);
    const lines = await csvOf(Promise.all([page.waitForEvent('download'), page.getByTestId('licenses-export').click()]).then(([d]) => d));
    expect(lines[0]).toBe('license_id,key_masked,customer_name,customer_email,product,plan,seats_used,seat_limit,status,expires_at,created_at');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${license.licenseId},`);
    expect(lines[1]).toContain(customerEmail);
    expect(lines[1]).not.toContain(license.key);
  });

  test('disabling a user asks first, and Cancel changes nothing', async ({ page }) => {
    await signInAsAdmin(page);
    const users = new AdminUsersPage(page);
    const email = `cancel-${crypto.randomBytes(3).toString('hex')}@gatepass.test`;
    await users.createUser(email, 'support');
    // The new-user form is empty again for the next one.
    await expect(page.getByTestId('create-user-form').getByLabel('Email')).toHaveValue('');
    await users.row(email).getByTestId(`toggle-access-${email}`).click();
    const dialog = page.getByRole('dialog', { name: `Disable ${email}?` });
    await expect(dialog).toContainText('their current session ends on their next request');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(users.row(email).getByTestId(`toggle-access-${email}`)).toBeFocused();
    await expect(users.row(email).getByTestId('user-status')).toHaveText('enabled');
  });

  test('a refused plan form ties each error to its field and puts the cursor in the first', async ({ page }) => {
    const { productId } = await createTestLicense();
    await signInAsAdmin(page);
    const catalog = new AdminCatalogPage(page);
    await catalog.openNewPlan(productId);
    await catalog.fillPlan({ name: 'Broken', slug: `broken-${crypto.randomBytes(2).toString('hex')}`, ttl: '0' });
    await catalog.submitPlan();
    const ttl = page.getByTestId('plan-form').getByLabel('Offline TTL', { exact: true });
    await expect(ttl).toHaveAttribute('aria-invalid', 'true');
    await expect(ttl).toHaveAccessibleDescription(await catalog.fieldError('offlineTtl').innerText());
    await expect(ttl).toBeFocused();
    await expect(page.getByRole('combobox', { name: 'Offline TTL unit' })).toBeVisible();
  });

  test('a wrong password keeps the email, and the cursor goes back to the password', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(TEST_ADMIN.email, 'not the password');
    await login.expectError('The email or password is wrong');
    await expect(page.getByLabel('Email')).toHaveValue(TEST_ADMIN.email);
    await expect(page.getByLabel('Password')).toBeFocused();
  });
});

test.describe('on a 390×844 phone', () => {
  test.use({ viewport: VIEWPORTS.phone });

  test('the header fits two rows, Sign out on one line, and every admin section is reachable', async ({ page }) => {
    await signInAsAdmin(page);
    const signOut = page.getByRole('button', { name: 'Sign out' });
    const box = (await signOut.boundingBox())!;
    expect(box.height).toBeLessThan(40);
    const header = (await page.locator('body > header').boundingBox())!;
    expect(header.height).toBeLessThan(120);
    const nav = page.getByRole('navigation', { name: 'Admin' });
    for (const link of await nav.getByRole('link').all()) {
      await expect(link).toBeInViewport({ ratio: 1 });
    }
    await expect(nav.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  });

  test("the users list keeps each user's actions on screen", async ({ page }) => {
    await signInAsAdmin(page, '/admin/users');
    const row = page.getByTestId(`user-row-${TEST_ADMIN.email}`);
    const reset = row.getByTestId(`reset-password-${TEST_ADMIN.email}`);
    await reset.scrollIntoViewIfNeeded();
    await expect(reset).toBeInViewport({ ratio: 1 });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });
});
