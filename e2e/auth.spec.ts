import { expect, test } from '@playwright/test';
import { TEST_ADMIN } from './fixtures/credentials';
import { createStaffUser } from './fixtures/support-user';
import { LoginPage } from './pages/login-page';

test('an anonymous visitor of /admin is sent to sign in, and comes back after it', async ({ page }) => {
  const admin = await createStaffUser('admin');
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);
  await new LoginPage(page).signIn(admin.email, admin.password);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByTestId('signed-in-as')).toHaveText(`${admin.email} · admin`);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login/);
});

test('a copy of the session cookie stops working once its user signs out', async ({ page, browser }) => {
  const support = await createStaffUser('support');
  const login = new LoginPage(page);
  await login.goto('/support');
  await login.signIn(support.email, support.password);
  await expect(page).toHaveURL(/\/support$/);

  // Someone copies the cookie into another browser: it works while the session is open...
  const copy = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await copy.addCookies(await page.context().cookies());
  const copied = await copy.newPage();
  await copied.goto('/support');
  await expect(copied.getByTestId('signed-in-as')).toHaveText(`${support.email} · support`);

  // ...and not after the user signs out in the first browser.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await copied.goto('/support');
  await expect(copied).toHaveURL(/\/login\?callbackUrl=%2Fsupport/);
  await copy.close();
});

test('a wrong password is refused with a clear message and no session', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(TEST_ADMIN.email, 'not the password');
  await login.expectError('The email or password is wrong');
  await page.goto('/support');
  await expect(page).toHaveURL(/\/login/);
});

test('an open redirect through callbackUrl is ignored', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto('//evil.example/phish');
  await login.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  await expect(page).toHaveURL(/localhost:\d+\/admin$/);
});

// Raw query strings, as an attacker would write the link (issue 13, point 1).
const REDIRECT_VARIANTS = [
  '/%5Cevil.example/x',
  '/%5C%5Cevil.example/x',
  '%2F%5Cevil.example%2Fx',
  '/%09/evil.example/x',
  '%2F%09%2Fevil.example%2Fx',
  '/%0A/evil.example/x',
  '/%0D%0A/evil.example/x',
  '//evil.example/x',
  '%2F%2Fevil.example%2Fx',
  '/%2F/evil.example/x',
  'https://evil.example/x',
  'http:%2F%2Fevil.example',
];

test('a signed-in staff member sent to /login with a hostile callbackUrl stays on the portal', async ({ page }) => {
  // The page would otherwise leave for evil.example; make that host unreachable and visible.
  await page.route((url) => url.hostname.endsWith('evil.example'), (route) => route.fulfill({ status: 200, body: 'left the portal' }));
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  await expect(page).toHaveURL(/\/admin$/);
  for (const variant of REDIRECT_VARIANTS) {
    await page.goto(`/login?callbackUrl=${variant}`);
    await expect(page, variant).toHaveURL(/^http:\/\/localhost:\d+\/(admin|staff)$/);
  }
  await page.goto('/login?callbackUrl=%2Fadmin%2Fusers');
  await expect(page).toHaveURL(/localhost:\d+\/admin\/users$/);
});

test('signing in through the form with a hostile callbackUrl lands on the portal', async ({ page }) => {
  await page.route((url) => url.hostname.endsWith('evil.example'), (route) => route.fulfill({ status: 200, body: 'left the portal' }));
  for (const variant of ['/%5Cevil.example/x', '/%09/evil.example/x']) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${variant}`);
    await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    await expect(page, variant).toHaveURL(/^http:\/\/localhost:\d+\/admin$/);
  }
});
