import { expect, type Page } from '@playwright/test';

/** The Users page: create staff, change roles, disable, reset passwords. */
export class AdminUsersPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/admin/users');
  }

  /** Creates a user and returns the generated password shown once. */
  async createUser(email: string, role: 'admin' | 'support'): Promise<string> {
    await this.goto();
    const form = this.page.getByTestId('create-user-form');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Role').selectOption(role);
    await form.getByRole('button', { name: 'Create user' }).click();
    const password = form.getByTestId('new-password');
    await expect(password).toBeVisible();
    return (await password.textContent())!.trim();
  }

  row(email: string) {
    return this.page.getByTestId(`user-row-${email}`);
  }

  /** Opens a row action's confirmation, checks it says `warning`, and confirms it with `confirm`. */
  private async confirm(email: string, opener: string, confirm: string, warning: string | RegExp) {
    await this.row(email).getByTestId(`${opener}-${email}`).click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(warning);
    await dialog.getByRole('button', { name: confirm }).click();
    await expect(dialog).toBeHidden();
  }

  async changeRole(email: string, role: 'admin' | 'support') {
    await this.row(email).getByLabel(`Role of ${email}`).selectOption(role);
    await this.confirm(email, 'change-role', `Change role to ${role}`, role === 'admin' ? 'run the whole dashboard' : 'only the support console');
  }

  async disable(email: string) {
    await this.confirm(email, 'toggle-access', 'Disable user', 'session ends on their next request');
  }

  async enable(email: string) {
    await this.row(email).getByTestId(`toggle-access-${email}`).click();
  }

  /** Resets the password (after the confirmation) and returns the new one, shown once. */
  async resetPassword(email: string): Promise<string> {
    await this.confirm(email, 'reset-password', 'Reset password', 'stops working at once');
    const password = this.row(email).getByTestId('new-password');
    await expect(password).toBeVisible();
    return (await password.textContent())!.trim();
  }
}
