import { expect, type Page } from '@playwright/test';

export interface PlanSpec {
  name: string;
  slug: string;
  ttl: string;
  ttlUnit?: 'hours' | 'days';
  grace: string;
  graceUnit?: 'hours' | 'days';
  seats: string;
  features?: string;
}

/** Products & plans, as an admin uses them. */
export class AdminCatalogPage {
  constructor(private readonly page: Page) {}

  /** Creates a product and lands on its page; returns the product id from the URL. */
  async createProduct(name: string, slug: string): Promise<string> {
    await this.page.goto('/admin/products');
    const form = this.page.getByTestId('product-form');
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Slug').fill(slug);
    await form.getByRole('button', { name: 'Create product' }).click();
    await expect(this.page).toHaveURL(/\/admin\/products\/[0-9a-f-]{36}$/);
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(name);
    return this.page.url().split('/').at(-1)!;
  }

  async openNewPlan(productId: string) {
    await this.page.goto(`/admin/products/${productId}/plans/new`);
  }

  async fillPlan(spec: Partial<PlanSpec>) {
    const form = this.page.getByTestId('plan-form');
    if (spec.name !== undefined) await form.getByLabel('Name', { exact: true }).fill(spec.name);
    if (spec.slug !== undefined) await form.getByLabel('Slug').fill(spec.slug);
    if (spec.ttl !== undefined) await form.getByLabel('Offline TTL', { exact: true }).fill(spec.ttl);
    if (spec.ttlUnit) await form.getByLabel('Offline TTL unit').selectOption(spec.ttlUnit);
    if (spec.grace !== undefined) await form.getByLabel('Grace period', { exact: true }).fill(spec.grace);
    if (spec.graceUnit) await form.getByLabel('Grace period unit').selectOption(spec.graceUnit);
    if (spec.seats !== undefined) await form.getByLabel('Seats per license').fill(spec.seats);
    if (spec.features !== undefined) await form.getByLabel('Features / entitlements').fill(spec.features);
  }

  explanation() {
    return this.page.getByTestId('plan-explanation');
  }

  async submitPlan() {
    await this.page.getByTestId('plan-submit').click();
  }

  fieldError(name: string) {
    return this.page.getByTestId(`error-${name}`);
  }
}
