import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import { AdminCliMachine } from './fixtures/admin-cli';
import { TEST_ADMIN } from './fixtures/credentials';
import { AdminCatalogPage } from './pages/admin-catalog-page';
import { AdminLicensesPage } from './pages/admin-licenses-page';
import { LoginPage } from './pages/login-page';

const DAY = 86_400;

test('an admin creates a 10-day plan with 3 days of grace, issues a license, and an activated machine gets exactly that lease', async ({ page, request }) => {
  const suffix = crypto.randomBytes(3).toString('hex');
  const productSlug = `studio-${suffix}`;
  await page.goto('/login?callbackUrl=/admin');
  await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');

  const catalog = new AdminCatalogPage(page);
  const productId = await catalog.createProduct(`Studio ${suffix}`, productSlug);
  await catalog.openNewPlan(productId);

  // Out-of-range values are refused by the server, with the message beside each field.
  await catalog.fillPlan({ name: 'Field kit', slug: 'field-kit', ttl: '0.5', ttlUnit: 'hours', grace: '400', graceUnit: 'days', seats: '0' });
  await expect(catalog.explanation()).toHaveText('Enter a valid offline TTL and grace period to see what they mean for a user.');
  await catalog.submitPlan();
  await expect(catalog.fieldError('offlineTtl')).toHaveText('The offline TTL must be at least 1 hour.');
  await expect(catalog.fieldError('grace')).toHaveText('Grace can be at most 365 days.');
  await expect(catalog.fieldError('seatLimit')).toHaveText('A plan needs at least 1 seat.');
  await expect(page.getByTestId('form-error')).toHaveText('Check the highlighted fields.');

  // The form keeps what was typed; fix it and watch the explanation follow.
  await catalog.fillPlan({ ttl: '10', ttlUnit: 'days', grace: '3', graceUnit: 'days', seats: '2', features: 'export-pdf, sso' });
  const leaseEnd = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(Date.now() + 10 * DAY * 1000));
  await expect(catalog.explanation()).toHaveText(`A machine activated today works offline until ${leaseEnd}, then 3 more days of grace.`);
  await expect(page.getByTestId('plan-changes-note')).toContainText('Changes apply to license files issued from now on');
  await catalog.submitPlan();
  await expect(page).toHaveURL(/\/admin\/plans\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByTestId('plan-created')).toBeVisible();
  const planId = new URL(page.url()).pathname.split('/').at(-1)!;

  const customerEmail = `buyer-${suffix}@example.com`;
  const [key] = await new AdminLicensesPage(page).issue({ planId, customerName: `Buyer ${suffix}`, customerEmail });
  expect(key).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);

  const machine = new AdminCliMachine(productSlug);
  try {
    const { licenseFile, answer } = await machine.activate(request, key!);
    expect(answer).toMatchObject({ plan: { slug: 'field-kit' }, product: { slug: productSlug }, grace_seconds: 3 * DAY, lease_limited_by: 'offline-ttl' });
    expect((await machine.install(licenseFile)).code).toBe(0);

    const status = await machine.status();
    expect(status).toMatchObject({ code: 0, status: 'valid', license: { plan: 'field-kit', product: productSlug, grace: 3 * DAY } });
    expect(status.license!.exp - status.license!.iat).toBe(10 * DAY);
    expect(Date.parse(status.grace_end!) - Date.parse(status.lease_end!)).toBe(3 * DAY * 1000);
    expect(status.lease_end).toBe(answer.lease_end);
    expect(Math.abs(Date.parse(status.lease_end!) - (Date.now() + 10 * DAY * 1000))).toBeLessThan(120_000);
  } finally {
    machine.dispose();
  }

  // The dashboard shows the seat and the file it issued.
  await new AdminLicensesPage(page).search(customerEmail);
  await expect(page.getByTestId('license-row')).toHaveCount(1);
  await page.getByTestId('license-row').getByRole('link').click();
  await expect(page.getByTestId('license-seats')).toHaveText('1 of 2');
  await expect(page.getByTestId('seat-row')).toHaveCount(1);
  await expect(page.getByTestId('issued-file')).toHaveCount(1);
  await expect(page.getByTestId('issued-file')).toContainText('Activation');

  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Overview' }).click();
  expect(Number(await page.getByTestId('stat-seats-in-use').textContent())).toBeGreaterThanOrEqual(1);
  const today = new Date().toISOString().slice(0, 10);
  expect(Number(await page.getByTestId(`chart-day-${today}`).getAttribute('data-activations'))).toBeGreaterThanOrEqual(1);
});
