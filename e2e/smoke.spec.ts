import { expect, test } from '@playwright/test';

test('the portal home page invites the user to upload a request file', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Activate a machine');
  await expect(page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Refresh' })).toBeVisible();
});

test('the JWKS publishes one Ed25519 signing key and the X25519 request key, cacheable', async ({ request }) => {
  const response = await request.get('/.well-known/jwks.json');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('max-age=300');
  const { keys } = (await response.json()) as { keys: Record<string, string>[] };
  const signing = keys.filter((key) => key.use === 'sig');
  const encryption = keys.filter((key) => key.use === 'enc');
  expect(signing).toHaveLength(1);
  expect(signing[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
  expect(encryption).toHaveLength(1);
  expect(encryption[0]).toMatchObject({ kty: 'OKP', crv: 'X25519' });
  for (const key of keys) {
    expect(key.kid).toBeTruthy();
    expect(key).not.toHaveProperty('d');
  }
});
