import crypto from 'node:crypto';
import { expect, test, type APIRequestContext, type Page, type Request } from '@playwright/test';
import { findPlanById } from '@/db/queries/catalog';
import { TEST_ADMIN } from './fixtures/credentials';
import { createTestLicense } from './fixtures/domain';
import { AdminUsersPage } from './pages/admin-users-page';
import { LoginPage } from './pages/login-page';

async function signIn(page: Page, email: string, password: string) {
  await new LoginPage(page).goto();
  await new LoginPage(page).signIn(email, password);
  await expect(page.getByTestId('signed-in-as')).toContainText(email);
}

/**
 * Submits the plan form as the admin but stops the request in the browser, keeping it
 * so it can be sent again from another session: the server action exactly as a
 * browser posts it (Next-Action id, multipart body), without the admin's cookie.
 */
async function captureSavePlanRequest(page: Page, planId: string): Promise<{ url: string; headers: Record<string, string>; body: Buffer }> {
  let captured: Request | undefined;
  await page.route(`**/admin/plans/${planId}`, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    captured = route.request();
    await route.abort();
  });
  await page.goto(`/admin/plans/${planId}`);
  await page.getByTestId('plan-form').getByLabel('Seats per license').fill('7');
  await page.getByTestId('plan-submit').click();
  await expect.poll(() => captured).toBeTruthy();
  await page.unroute(`**/admin/plans/${planId}`);
  const all = await captured!.allHeaders();
  const headers = Object.fromEntries(['next-action', 'content-type', 'accept', 'next-router-state-tree'].filter((h) => all[h]).map((h) => [h, all[h]!]));
  expect(headers['next-action']).toBeTruthy();
  return { url: captured!.url(), headers, body: captured!.postDataBuffer()! };
}

async function replay(request: APIRequestContext, saved: { url: string; headers: Record<string, string>; body: Buffer }) {
  const response = await request.post(saved.url, { headers: saved.headers, data: saved.body, maxRedirects: 0 });
  return { status: response.status(), text: await response.text() };
}

test('a support user is refused by the server: the admin pages answer 403 and the plan action refuses to save', async ({ page, browser, playwright }) => {
  const supportEmail = `support-${crypto.randomBytes(3).toString('hex')}@gatepass.test`;
  const { planId } = await createTestLicense({ seats: 2 });

  await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
  const password = await new AdminUsersPage(page).createUser(supportEmail, 'support');
  await expect(new AdminUsersPage(page).row(supportEmail).getByTestId('user-role')).toHaveText('support');
  const saved = await captureSavePlanRequest(page, planId);
  expect((await findPlanById(planId))?.seatLimit).toBe(2);

  const supportContext = await browser.newContext();
  const support = await supportContext.newPage();
  await signIn(support, supportEmail, password);
  await expect(support.getByRole('link', { name: 'Admin' })).toHaveCount(0);

  for (const path of ['/admin', '/admin/products', `/admin/plans/${planId}`, '/admin/licenses', '/admin/licenses/new', '/admin/users', '/admin/keys', '/admin/audit']) {
    const response = await support.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(support.getByTestId('forbidden')).toBeVisible();
    await expect(support.getByTestId('admin-nav')).toHaveCount(0);
  }

  const asSupport = await replay(support.request, saved);
  expect(asSupport.text).toContain('ERR_FORBIDDEN');
  expect((await findPlanById(planId))?.seatLimit).toBe(2);

  const anonymous = await playwright.request.newContext({ baseURL: new URL(saved.url).origin });
  const asAnonymous = await replay(anonymous, saved);
  expect(asAnonymous.text).toContain('ERR_UNAUTHENTICATED');
  expect((await findPlanById(planId))?.seatLimit).toBe(2);
  await anonymous.dispose();

  // The same request from the admin's session does save: the refusals above came from the role check.
  const asAdmin = await replay(page.request, saved);
  expect(asAdmin.text).not.toContain('ERR_FORBIDDEN');
  expect((await findPlanById(planId))?.seatLimit).toBe(7);
  await supportContext.close();
});

test('an admin changes a role, disables a user (whose session ends), and resets a password shown once', async ({ page, browser }) => {
  const email = `staff-${crypto.randomBytes(3).toString('hex')}@gatepass.test`;
  await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
  const users = new AdminUsersPage(page);
  const password = await users.createUser(email, 'support');

  const theirContext = await browser.newContext();
  const them = await theirContext.newPage();
  await signIn(them, email, password);
  await expect((await them.goto('/admin'))?.status()).toBe(403);

  await users.goto();
  await users.changeRole(email, 'admin');
  await expect(users.row(email).getByTestId('user-role')).toHaveText('admin');
  await them.goto('/admin');
  await expect(them.getByRole('heading', { level: 1 })).toHaveText('Overview');

  await users.disable(email);
  await expect(users.row(email).getByTestId('user-status')).toHaveText('disabled');
  await them.goto('/admin');
  await expect(them).toHaveURL(/\/login/);
  await new LoginPage(them).signIn(email, password);
  await new LoginPage(them).expectError('This account is disabled');

  await users.enable(email);
  await expect(users.row(email).getByTestId('user-status')).toHaveText('enabled');
  const fresh = await users.resetPassword(email);
  expect(fresh).not.toBe(password);
  // The reset ends any session opened with the old password, even one disabling had only paused.
  await them.goto('/admin');
  await expect(them.getByTestId('login-form')).toBeVisible();
  await new LoginPage(them).goto();
  await new LoginPage(them).signIn(email, password);
  await new LoginPage(them).expectError('The email or password is wrong');
  await new LoginPage(them).signIn(email, fresh);
  await expect(them.getByTestId('signed-in-as')).toContainText(email);

  await page.goto(`/admin/audit?actor=${encodeURIComponent(TEST_ADMIN.email)}&action=user.disable`);
  await expect(page.getByTestId('audit-row').filter({ hasText: email })).toHaveCount(1);
  await theirContext.close();
});
