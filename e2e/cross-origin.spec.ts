import { expect, test } from '@playwright/test';
import { makeMachine } from '@/lib/testing/licensing-fixtures';
import { createTestLicense } from './fixtures/domain';
import { forMachines } from './fixtures/machines';
import { createSupportUser } from './fixtures/support-user';
import { LoginPage } from './pages/login-page';

// Issue 13, point 5: a page on another site must not make a signed-in staff member's
// browser change state through a route handler (server actions check this in Next.js).
test('the re-issue route refuses a foreign Origin even with a staff cookie, and serves its own origin', async ({ page, request }) => {
  const license = await createTestLicense({ seats: 1 });
  const activated = await request.post('/api/v1/activations', { data: await (await makeMachine('csrf-target')).request(forMachines(license)), headers: { 'content-type': 'text/plain' } });
  expect(activated.status()).toBe(201);
  const { seat_id: seatId } = await activated.json();

  const staff = await createSupportUser();
  await new LoginPage(page).goto('/support');
  await new LoginPage(page).signIn(staff.email, staff.password);
  await expect(page).toHaveURL(/\/support$/);
  const url = `/support/seats/${seatId}/reissue`;
  const own = new URL(page.url()).origin;

  const foreign: Array<Record<string, string>> = [{ origin: 'https://evil.example' }, { origin: 'null' }, { origin: own.replace('localhost', '127.0.0.1') }, { 'sec-fetch-site': 'cross-site' }];
  for (const headers of foreign) {
    const refused = await page.request.post(url, { headers });
    expect(refused.status(), JSON.stringify(headers)).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: 'ERR_FORBIDDEN', message: expect.stringContaining('came from another site') } });
  }
  const served = await page.request.post(url, { headers: { origin: own } });
  expect(served.status()).toBe(201);
  expect(await served.text()).toContain('-----BEGIN GATEPASS LICENSE-----');
});

test('the sign-in route refuses a cross-site credentials post', async ({ request }) => {
  const refused = await request.post('/api/auth/callback/credentials', { headers: { origin: 'https://evil.example' }, form: { email: 'a@b.c', password: 'x' } });
  expect(refused.status()).toBe(403);
});
