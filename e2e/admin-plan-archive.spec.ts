import { expect, test } from '@playwright/test';
import { TEST_ADMIN } from './fixtures/credentials';
import { createTestLicense } from './fixtures/domain';
import { LoginPage } from './pages/login-page';

test('an admin archives a plan: it leaves the issue form, and restoring brings it back', async ({ page }) => {
  const { planId } = await createTestLicense({ seats: 1 });
  const login = new LoginPage(page);
  await login.goto(`/admin/plans/${planId}`);
  await login.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  await expect(page).toHaveURL(new RegExp(`/admin/plans/${planId}$`));

  await page.getByTestId('archive-plan-submit').click();
  await expect(page.getByTestId('archive-plan-form')).toContainText('Plan archived: no new licenses can be issued for it.');
  await expect(page.getByTestId('plan-archived')).toHaveText('Archived');
  await expect(page.getByTestId('issue-for-plan')).toHaveCount(0);

  await page.goto('/admin/licenses/new');
  await expect(page.locator(`select#planId option[value="${planId}"]`)).toHaveCount(0);

  await page.goto(`/admin/plans/${planId}`);
  await page.getByTestId('archive-plan-submit').click();
  await expect(page.getByTestId('archive-plan-form')).toContainText('Plan restored');
  await page.goto('/admin/licenses/new');
  await expect(page.locator(`select#planId option[value="${planId}"]`)).toHaveCount(1);
});
