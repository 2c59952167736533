import { expect, type Page } from '@playwright/test';

/** Issuing and managing licenses in the admin dashboard. */
export class AdminLicensesPage {
  constructor(private readonly page: Page) {}

  /** Issues licenses for a plan and returns the keys, read from the page that shows them once. */
  async issue(options: { planId: string; count?: number; customerName?: string; customerEmail?: string; expiresOn?: string }): Promise<string[]> {
    await this.page.goto(`/admin/licenses/new?plan=${options.planId}`);
    const form = this.page.getByTestId('issue-form');
    await form.getByLabel('How many').fill(String(options.count ?? 1));
    if (options.customerName) await form.getByLabel('Customer name').fill(options.customerName);
    if (options.customerEmail) await form.getByLabel('Customer email').fill(options.customerEmail);
    if (options.expiresOn) await form.getByLabel('Expires on').fill(options.expiresOn);
    await form.getByRole('button', { name: 'Issue licenses' }).click();
    await expect(this.page.getByTestId('issued-keys')).toBeVisible();
    return this.page.getByTestId('issued-key').allTextContents();
  }

  async open(licenseId: string) {
    await this.page.goto(`/admin/licenses/${licenseId}`);
  }

  async search(q: string) {
    await this.page.goto(`/admin/licenses?q=${encodeURIComponent(q)}`);
  }
}
