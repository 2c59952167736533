// Issue 14, point 6: the overview chart has a date range (7 / 30 / 90 days) as links, the
// current one marked; the bars, the date axis, the table and the totals follow it.
import { expect, test } from '@playwright/test';
import { TEST_ADMIN } from './fixtures/credentials';
import { LoginPage } from './pages/login-page';

const utcDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

test('the admin picks the overview chart range; axes and the table alternative follow it', async ({ page }) => {
  await new LoginPage(page).goto('/admin');
  await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  const range = page.getByRole('navigation', { name: 'Date range' });
  const bars = page.locator('[data-testid^="chart-day-"]');
  const tableRows = page.getByTestId('chart-table').locator('tbody tr');

  // 30 days unless chosen.
  await expect(range.getByRole('link', { name: '30 days' })).toHaveAttribute('aria-current', 'true');
  await expect(bars).toHaveCount(30);
  await expect(page.getByTestId('stat-activations').locator('..')).toContainText('Activations, 30 days');

  for (const days of [7, 90, 30]) {
    await range.getByRole('link', { name: `${days} days` }).click();
    await expect(range.getByRole('link', { name: `${days} days` })).toHaveAttribute('aria-current', 'true');
    await expect(range.locator('[aria-current]')).toHaveCount(1);
    await expect(bars).toHaveCount(days);
    await expect(bars.first()).toHaveAttribute('data-testid', `chart-day-${utcDay(days - 1)}`);
    await expect(tableRows).toHaveCount(days);
    await expect(page.getByTestId('stat-activations').locator('..')).toContainText(`Activations, ${days} days`);
    // The first date under the axis is the range's first day; the table lists the newest first.
    const first = new Date(`${utcDay(days - 1)}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
    await expect(page.getByTestId('chart-ticks').locator('span').first()).toHaveText(first);
    await expect(page.getByTestId('chart-table').locator('caption')).toContainText(String(new Date(`${utcDay(days - 1)}T00:00:00Z`).getUTCFullYear()));
  }
});
