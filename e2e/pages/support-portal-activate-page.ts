import { expect, type Page } from '@playwright/test';

/** The end user's Activate page (`/`), as the support tests use it: upload a request file. */
export class PortalActivatePage {
  constructor(private readonly page: Page) {}

  async activate(requestFile: string) {
    await this.page.goto('/');
    await this.page.getByTestId('dropzone-input').setInputFiles(requestFile);
  }

  async expectActivated(seats: string) {
    await expect(this.page.getByTestId('license-file-summary')).toBeVisible();
    await expect(this.page.getByTestId('summary-seats')).toHaveText(seats);
    await expect(this.page.getByTestId('download-license')).toBeVisible();
  }

  async expectRefused(message: string | RegExp) {
    await expect(this.page.getByTestId('dropzone-error')).toContainText(message);
    await expect(this.page.getByTestId('license-file-summary')).toHaveCount(0);
  }
}
