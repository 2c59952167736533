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
}
