// Issue 13, point 9: every page carries a nonce-based Content-Security-Policy and the
// usual security headers, the portal works under it, and a key holder's view of a
// license names no customer and repeats no support notes (docs/DECISIONS.md).
import { expect, test } from '@playwright/test';
import { makeMachine } from '@/lib/testing/licensing-fixtures';
import { releaseSeat } from '@/lib/licensing/release-seat';
import { createTestLicense } from './fixtures/domain';
import { forMachines } from './fixtures/machines';
import { LicenseKeyPage } from './pages/license-key-page';

test('pages send a per-response nonce CSP and the security headers; API answers a locked-down policy', async ({ request }) => {
  const policies: string[] = [];
  for (const path of ['/', '/license', '/login']) {
    const response = await request.get(path);
    const headers = response.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toContain('unsafe-eval');
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    // Next.js put the nonce on its own scripts, and no script goes without it.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    policies.push(csp);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['strict-transport-security']).toContain('max-age=');
  }
  expect(new Set(policies).size).toBe(policies.length); // a fresh nonce every time
  const api = await request.get('/.well-known/jwks.json');
  expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect((await request.get('/api/v1/jwks')).headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
});

test('the portal works under the policy, an injected inline script does not run, and the key holder sees no customer or support notes', async ({ page, request }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const license = await createTestLicense({ seats: 2, customerName: 'Initech Payroll Dept', customerEmail: 'bill.lumbergh@initech.example' });
  const activated = await request.post('/api/v1/activations', { data: await (await makeMachine('old-laptop')).request(forMachines(license)), headers: { 'content-type': 'text/plain' } });
  const { seat_id: seatId } = await activated.json();
  const support = { type: 'user' as const, id: 'e2e-support', label: 'sam@vendor.example', ip: '' };
  expect((await releaseSeat({ licenseId: license.licenseId, seatId, reason: 'Fired employee kept the laptop, HR ticket 4711' }, support)).ok).toBe(true);

  const bodies: string[] = [];
  page.on('response', async (response) => {
    if (response.request().method() === 'POST') bodies.push(await response.text().catch(() => ''));
  });
  const portal = new LicenseKeyPage(page, '/license');
  await portal.goto();
  await portal.enterKey(license.key);
  await portal.expectSeats([['old-laptop', 'Released']]);
  await expect(page.getByTestId('license-details')).not.toContainText('Initech');
  expect(bodies.join('\n')).not.toMatch(/Initech|lumbergh|HR ticket|Fired employee/);
  expect(violations).toEqual([]); // Next.js's own scripts all ran under the policy

  // What stored XSS would look like: markup with an inline handler. The policy stops it.
  const ran = await page.evaluate(async () => {
    document.body.insertAdjacentHTML('beforeend', '<img alt="" src="data:," onerror="window.__injected = true">');
    await new Promise((resolve) => setTimeout(resolve, 200));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  expect(violations.length).toBeGreaterThan(0);
});
