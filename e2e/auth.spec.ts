import { expect, test } from '@playwright/test';
import { TEST_ADMIN } from './fixtures/credentials';
import { LoginPage } from './pages/login-page';

test('an anonymous visitor of /admin is sent to sign in, and comes back after it', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);
  await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByTestId('signed-in-as')).toHaveText(`${TEST_ADMIN.email} · admin`);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login/);
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
