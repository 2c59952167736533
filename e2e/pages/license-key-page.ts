import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { expectIslandReady } from './upload-page';

/** My license and Refresh: both start from the license key. */
export class LicenseKeyPage {
  constructor(
    readonly page: Page,
    private readonly path: '/license' | '/refresh',
  ) {}

  async goto() {
    await this.page.goto(this.path);
    await expectIslandReady(this.page);
  }

  async enterKey(licenseKey: string) {
    await this.page.getByLabel('License key').fill(licenseKey);
    await this.page.getByTestId('license-key-submit').click();
  }

  seatRow(device: string | RegExp): Locator {
    return this.page.getByTestId('seat-row').filter({ has: this.page.getByTestId('seat-device').getByText(device) });
  }

  async expectSeats(rows: Array<[device: string, status: string]>) {
    const table = this.page.getByTestId('seat-table');
    await expect(table.getByTestId('seat-row')).toHaveCount(rows.length);
    for (const [index, [device, status]] of rows.entries()) {
      const row = table.getByTestId('seat-row').nth(index);
      await expect(row.getByTestId('seat-device')).toHaveText(device);
      await expect(row.getByTestId('seat-status')).toHaveText(status);
    }
  }

  /** Refresh page: asks for a new file for the seat in `row` and saves the download into `dir`. */
  async refreshSeat(row: Locator, dir: string): Promise<string> {
    await row.getByTestId('refresh-seat').click();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('download-license').click()]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    return file;
  }
}
