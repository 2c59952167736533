import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** A license's page in the support or the admin console (`/support/licenses/[id]`, `/admin/licenses/[id]`: the same component). */
export class SupportLicensePage {
  constructor(private readonly page: Page) {}

  key(): Locator {
    return this.page.getByTestId('license-key');
  }

  seatsUsed(): Locator {
    return this.page.getByTestId('license-seats');
  }

  /** The seat row of a machine, by the start of its fingerprint as the page shows it. */
  seatOf(fingerprint: string): Locator {
    return this.page.getByTestId('seat-row').filter({ hasText: fingerprint.slice(0, 16) });
  }

  /** Opens the release dialog of a seat and returns it (not confirmed yet). */
  async openRelease(fingerprint: string): Promise<Locator> {
    await this.seatOf(fingerprint).getByRole('button', { name: 'Release seat' }).click();
    // Only the open dialog is exposed to assistive technology (and so to getByRole).
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async confirmRelease(dialog: Locator, reason: string) {
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Release seat' }).click();
  }

  /** Confirms the release dialog with "Also block this device" ticked. */
  async confirmReleaseAndBlock(dialog: Locator, reason: string) {
    await dialog.getByLabel('Also block this device').check();
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Release seat' }).click();
  }

  blockNotice(): Locator {
    return this.page.getByTestId('block-notice');
  }

  blockedDevices(): Locator {
    return this.page.getByTestId('blocked-device');
  }

  async cancelRelease(dialog: Locator) {
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  }

  releaseNotice(): Locator {
    return this.page.getByTestId('release-notice');
  }

  async reissue(fingerprint: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.seatOf(fingerprint).getByRole('button', { name: 'Re-issue file' }).click();
    return download;
  }

  auditEvents(action: string | RegExp): Locator {
    return this.page.getByTestId('audit-event').filter({ hasText: action });
  }

  issuedFiles(): Locator {
    return this.page.getByTestId('issued-file');
  }

  async addNote(body: string) {
    const form = this.page.getByTestId('note-form');
    await form.getByRole('textbox', { name: 'New note' }).fill(body);
    await form.getByRole('button', { name: 'Add note' }).click();
  }

  notes(): Locator {
    return this.page.getByTestId('note');
  }
}
