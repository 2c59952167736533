/**
 * Issue 12's webhooks as an admin meets them: register a real local receiver on Admin →
 * Webhooks, see the secret once, watch the server's own worker deliver a signed event and the
 * delivery appear as delivered with the receiver's answer, redeliver it (the same webhook-id
 * arrives again), and disable the endpoint.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { TEST_ADMIN } from './fixtures/credentials';
import { createTestLicense } from './fixtures/domain';
import { LoginPage } from './pages/login-page';

interface Delivery {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
}

async function signInAsAdmin(page: Page, to: string) {
  await new LoginPage(page).goto(to);
  await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

test('an admin registers a receiver, sees a signed delivery arrive and redelivers it', async ({ page }) => {
  const received: Delivery[] = [];
  const receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        id: String(request.headers['webhook-id']),
        timestamp: String(request.headers['webhook-timestamp']),
        signature: String(request.headers['webhook-signature']),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/gatepass`;
  try {
    await signInAsAdmin(page, '/admin/webhooks');
    await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
    await page.getByLabel('URL').fill(url);
    await page.getByTestId('create-webhook-submit').click();
    const secret = (await page.getByTestId('webhook-secret').textContent())!;
    expect(secret).toMatch(/^whsec_/);

    // A change made now (a license issued) reaches the receiver through the server's worker.
    const { licenseId } = await createTestLicense({ customerEmail: 'webhook-e2e@example.com' });
    await expect.poll(() => received.find((d) => JSON.parse(d.body).data.license_id === licenseId), { timeout: 30_000 }).toBeTruthy();
    const delivery = received.find((d) => JSON.parse(d.body).data.license_id === licenseId)!;
    expect(JSON.parse(delivery.body)).toMatchObject({ type: 'license.created', data: { customer_email: 'webhook-e2e@example.com' } });
    const expected = crypto.createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64')).update(`${delivery.id}.${delivery.timestamp}.${delivery.body}`).digest('base64');
    expect(delivery.signature).toBe(`v1,${expected}`);

    await page.reload();
    const row = page.getByTestId(`delivery-${delivery.id}`);
    await expect(row.getByTestId('delivery-status')).toHaveText('delivered');
    await expect(row.getByTestId('delivery-response')).toHaveText('204');
    await row.getByTestId(`redeliver-${delivery.id}`).click();
    await expect.poll(() => received.filter((d) => d.id === delivery.id).length, { timeout: 30_000 }).toBe(2);

    await page.getByTestId(`webhook-toggle-${url}`).click();
    await expect(page.getByTestId(`webhook-${url}`).getByTestId('webhook-status')).toHaveText('disabled');
  } finally {
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  }
});
