import { expect, type Page } from '@playwright/test';

/** The support console's search page (`/support`). */
export class SupportSearchPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/support');
    await expect(this.page.getByRole('heading', { name: 'Support console' })).toBeVisible();
  }

  async search(query: string) {
    const form = this.page.getByTestId('support-search');
    await form.getByRole('searchbox', { name: 'Search licenses' }).fill(query);
    await form.getByRole('button', { name: 'Search' }).click();
    await this.page.waitForURL((url) => url.searchParams.get('q') === query);
  }

  results() {
    return this.page.getByTestId('search-result');
  }

  /** Opens the one result that shows this customer. */
  async openLicenseOf(customer: string) {
    const row = this.results().filter({ hasText: customer });
    await expect(row).toHaveCount(1);
    await row.getByRole('link').click();
    await expect(this.page.getByTestId('license-summary')).toBeVisible();
  }
}
