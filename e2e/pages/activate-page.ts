import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { UploadPage } from './upload-page';

interface ActivationSummary {
  product: string;
  plan: string;
  device: string;
  leaseEnd: string;
  graceEnd: string;
  seats: string;
}

export class ActivatePage extends UploadPage {
  constructor(page: Page) {
    super(page, '/');
  }

  /** Opens the page and drops the request file on it. */
  async activate(requestFile: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.goto();
    await this.upload(requestFile);
  }

  async expectActivated(seats: string) {
    await this.expectSummary({ seats });
    await expect(this.page.getByTestId('download-license')).toBeVisible();
  }

  async expectRefused(message: string | RegExp) {
    await expect(this.page.getByTestId('dropzone-error')).toContainText(message);
    await expect(this.page.getByTestId('license-file-summary')).toHaveCount(0);
  }

  async expectSummary(expected: Partial<Record<keyof ActivationSummary, string | RegExp>>) {
    const summary = this.page.getByTestId('license-file-summary');
    await expect(summary).toBeVisible();
    const ids: Record<keyof ActivationSummary, string> = {
      product: 'summary-product',
      plan: 'summary-plan',
      device: 'summary-device',
      leaseEnd: 'summary-lease-end',
      graceEnd: 'summary-grace-end',
      seats: 'summary-seats',
    };
    for (const [key, value] of Object.entries(expected)) {
      await expect(summary.getByTestId(ids[key as keyof ActivationSummary])).toHaveText(value!);
    }
  }

  /** Clicks the download link and saves the file into `dir`; returns its path and suggested name. */
  async downloadLicense(dir: string): Promise<{ file: string; name: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('download-license').click()]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    return { file, name: download.suggestedFilename() };
  }
}
