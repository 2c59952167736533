/**
 * Issue 12's tokens as an admin meets them: create one with scopes, see it once, use it from
 * a "shop backend" (Playwright's request context, no cookies), see its last use, revoke it
 * after a confirmation, and watch the next call be refused.
 */
import { expect, test, type Page } from '@playwright/test';
import { TEST_ADMIN } from './fixtures/credentials';
import { createTestLicense } from './fixtures/domain';
import { LoginPage } from './pages/login-page';

async function signInAsAdmin(page: Page, to: string) {
  await new LoginPage(page).goto(to);
  await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

test('an admin creates a scoped token, a backend uses it, and after revoking it the backend is refused', async ({ page, playwright, baseURL }) => {
  const { planId } = await createTestLicense();
  const name = `web shop ${Date.now()}`;
  await signInAsAdmin(page, '/admin/api-tokens');
  await expect(page.getByRole('heading', { name: 'API tokens', level: 1 })).toBeVisible();

  // Without a scope the form says so and keeps the name.
  await page.getByLabel('Name').fill(name);
  await page.getByTestId('create-token-submit').click();
  await expect(page.getByTestId('error-scopes')).toHaveText('Choose at least one scope.');
  await page.getByTestId('scope-licenses:write').check();
  await page.getByTestId('scope-licenses:read').check();
  await page.getByTestId('create-token-submit').click();
  const token = (await page.getByTestId('new-token').textContent())!;
  expect(token).toMatch(/^gpat_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId(`token-row-${name}`);
  await expect(row).toContainText('licenses:read licenses:write');
  await expect(row.getByTestId('token-last-used')).toHaveText('never');
  // Shown once: a reload shows only its first characters.
  await page.reload();
  await expect(page.getByTestId('new-token')).toHaveCount(0);
  await expect(row).toContainText(`${token.slice(0, 9)}…`);

  const shop = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const created = await shop.post('/api/v1/licenses', { data: { plan_id: planId, customer_email: 'e2e-buyer@example.com' }, headers: { 'idempotency-key': `e2e-order-${Date.now()}` } });
  expect(created.status()).toBe(201);
  expect((await created.json()).key).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
  const noScope = await shop.get('/api/v1/audit');
  expect(noScope.status()).toBe(403);
  expect((await noScope.json()).error.message).toContain('lacks the scope audit:read');

  await page.reload();
  await expect(row.getByTestId('token-last-used')).not.toHaveText('never');
  await page.getByTestId(`revoke-token-${name}`).click();
  const dialog = page.getByTestId(`revoke-token-dialog-${name}`);
  await expect(dialog).toContainText('Every call made with it is refused from now on');
  await dialog.getByRole('button', { name: 'Revoke token' }).click();
  await expect(row.getByTestId('token-status')).toHaveText('revoked');

  const refused = await shop.get('/api/v1/licenses');
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toContain('was revoked');
  await shop.dispose();
});
