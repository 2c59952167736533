import { expect, type Page } from '@playwright/test';
import { UploadPage } from './upload-page';

export class DeactivatePage extends UploadPage {
  constructor(page: Page) {
    super(page, '/deactivate');
  }

  async expectResult(heading: string, message: string | RegExp) {
    const result = this.page.getByRole('status').filter({ has: this.page.getByTestId('deactivation-message') });
    await expect(result.getByRole('heading')).toHaveText(heading);
    await expect(result.getByTestId('deactivation-message')).toHaveText(message);
  }
}
