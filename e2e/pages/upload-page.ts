import { expect, type Locator, type Page } from '@playwright/test';

/** Waits until React owns the page's island (components/islands-client.tsx marks it), so a click or a file reaches it. */
export async function expectIslandReady(page: Page) {
  await expect(page.locator('[data-island]')).toHaveAttribute('data-hydrated', '');
}

/** The drop zone the Activate and Deactivate pages share. */
export class UploadPage {
  readonly dropzone: Locator;

  constructor(
    readonly page: Page,
    private readonly path: string,
  ) {
    this.dropzone = page.getByTestId('dropzone');
  }

  async goto() {
    await this.page.goto(this.path);
    await expect(this.dropzone).toBeVisible();
    await expectIslandReady(this.page);
  }

  /** Drops a file on the zone (react-dropzone's input takes it like a drop or a pick). */
  async upload(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.page.getByTestId('dropzone-input').setInputFiles(file);
  }

  async paste(text: string) {
    await this.page.getByText('Paste the text instead').click();
    await this.page.getByTestId('paste-input').fill(text);
    await this.page.getByTestId('paste-submit').click();
  }

  async expectError(text: string | RegExp) {
    await expect(this.page.getByRole('main').getByRole('alert')).toHaveText(text);
  }
}
