/**
 * Issue 10: a machine activated, checked and deactivated with typed codes alone. The CLI
 * makes the codes exactly as a person would run it; the browser is a 390-pixel phone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { countActiveSeats } from '@/db/queries/seats';
import { baseURL } from '../playwright.config';
import { expectNoSeriousViolations } from './fixtures/axe';
import { CliMachine } from './fixtures/cli';
import { createTestLicense } from './fixtures/domain';
import { expectIslandReady } from './pages/upload-page';

/** The code the CLI printed: its rows of groups, joined. */
function printedCode(stdout: string): string {
  const rows = stdout.split('\n').filter((line) => /^ {2}[0-9A-Z]{5}(-[0-9A-Z]{5})*$/.test(line));
  return rows.map((row) => row.trim()).join('-');
}

async function requestCode(machine: CliMachine, licenseKey: string, extra: string[] = []): Promise<string> {
  const result = await machine.cli('request', '--code', '--product', machine.product, '--portal', baseURL, '--license-key', licenseKey, ...extra);
  expect(result.stderr).not.toContain('gatepass:');
  expect(result.code).toBe(0);
  return printedCode(result.stdout);
}

async function deactivationCode(machine: CliMachine): Promise<string> {
  const result = await machine.cli('deactivate', '--code');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('The license is removed from this machine.');
  return printedCode(result.stdout);
}

/** Types the code as a person might (lower case, spaces for dashes) and presses Continue. */
async function enterCode(page: Page, code: string) {
  await page.goto('/code');
  await expectIslandReady(page);
  await page.getByLabel('Code from the machine').fill(code.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: 'Continue' }).click();
}

test.describe('air-gapped codes', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  // Each test runs the CLI (a Node process with tsx) up to ten times: room on a busy machine.
  test.setTimeout(180_000);

  test('on a phone: request code typed in, response code typed back, status valid; a deactivation code frees the seat for a second machine', async ({ page }, testInfo) => {
    const license = await createTestLicense({ seats: 1 });
    const machine = CliMachine.create(license.productSlug);
    const second = CliMachine.create(license.productSlug);
    try {
      const svg = path.join(machine.workDir, 'request.svg');
      const code = await requestCode(machine, license.key, ['--qr', svg]);
      expect(code.replace(/-/g, '')).toHaveLength(100);
      expect(fs.readFileSync(svg, 'utf8')).toContain('<svg');

      // A mistyped character is caught before anything changes, and its group is named.
      const groups = code.split('-');
      groups[6] = groups[6]!.replace(/^./, (c) => (c === 'Z' ? 'Y' : 'Z'));
      await enterCode(page, groups.join('-'));
      await expect(page.getByTestId('code-error')).toHaveText(/Group 7 of this activation request code looks mistyped/);
      expect(await countActiveSeats(license.licenseId)).toBe(0);
      await expectNoSeriousViolations(page, testInfo, '/code with a mistyped code');

      await enterCode(page, code);
      const response = page.getByTestId('response-code');
      await expect(response).toBeVisible();
      // Keyboard and screen-reader users land on the answer.
      await expect(page.getByTestId('code-response')).toBeFocused();
      await expectNoSeriousViolations(page, testInfo, '/code with a response code');
      await expect(page.getByRole('img', { name: /QR code of the response code/ })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Copy the code' })).toBeVisible();
      const responseCode = (await response.textContent())!.trim();
      expect(responseCode.replace(/-/g, '')).toHaveLength(30);
      // Nothing is wider than the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      // The other machine cannot install this machine's response.
      await requestCode(second, license.key);
      const stolen = await second.cli('install', '--code', responseCode);
      expect(stolen.code).toBe(1);
      expect(stolen.stderr).toContain('This response code was made for another machine');

      const installed = await machine.cli('install', '--code', responseCode);
      expect(installed.stderr).toBe('');
      expect(installed.stdout).toContain('status: valid');
      expect(await machine.status()).toMatchObject({ code: 0, status: 'valid' });
      expect(await countActiveSeats(license.licenseId)).toBe(1);

      const deactivation = await deactivationCode(machine);
      expect((await machine.status()).status).toBe('not-activated');
      await enterCode(page, deactivation);
      await expect(page.getByTestId('code-deactivation-message')).toContainText('is deactivated. The only seat of this license is free.');
      expect(await countActiveSeats(license.licenseId)).toBe(0);

      // The second machine's QR link: the code arrives in the URL fragment and is read on the page.
      const secondCode = await requestCode(second, license.key);
      await page.goto(`/code#${secondCode.replace(/-/g, '')}`);
      await expect(page.getByLabel('Code from the machine')).toHaveValue(secondCode.replace(/-/g, ''));
      await page.getByRole('button', { name: 'Continue' }).click();
      const secondResponse = (await page.getByTestId('response-code').textContent())!.trim();
      const secondInstalled = await second.cli('install', '--code', secondResponse);
      expect(secondInstalled.stdout).toContain('status: valid');
      expect(await countActiveSeats(license.licenseId)).toBe(1);
    } finally {
      machine.dispose();
      second.dispose();
    }
  });

  test('through the API: the request code answers with response_code; replays, wrong kinds and typos are refused; the deactivation code frees the seat', async ({ request }) => {
    const license = await createTestLicense({ seats: 1 });
    const machine = CliMachine.create(license.productSlug);
    const second = CliMachine.create(license.productSlug);
    const post = (url: string, body: string) => request.post(url, { data: body, headers: { 'content-type': 'text/plain' } });
    try {
      const code = await requestCode(machine, license.key);
      const activated = await post('/api/v1/activations', code);
      expect(activated.status()).toBe(201);
      const body = await activated.json();
      expect(body).toMatchObject({ refreshed: false, seats_used: 1, seat_limit: 1, response_code: expect.stringMatching(/^([0-9A-Z]{5}-){5}[0-9A-Z]{5}$/) });
      expect(body.license_file).toContain('GATEPASS LICENSE');

      const replayed = await post('/api/v1/activations', code);
      expect(replayed.status()).toBe(409);
      expect((await replayed.json()).error.code).toBe('ERR_REQUEST_REPLAYED');

      const taken = await post('/api/v1/activations', await requestCode(second, license.key));
      expect(taken.status()).toBe(409);
      expect((await taken.json()).error.message).toBe('The only seat of this license is in use. Deactivate the license on another machine, or ask support to release a lost one.');

      const mistyped = await post('/api/v1/activations', code.replace(/^(.{12})./, (_, head: string) => head + (code[12] === 'Z' ? 'Y' : 'Z')));
      expect(mistyped.status()).toBe(400);
      expect(await mistyped.json()).toMatchObject({ error: { code: 'ERR_CODE_MISTYPED', message: expect.stringContaining('Group 3 ') } });

      expect((await machine.cli('install', '--code', body.response_code)).stdout).toContain('status: valid');
      const deactivation = await deactivationCode(machine);

      const wrongKind = await post('/api/v1/activations', deactivation);
      expect(wrongKind.status()).toBe(400);
      expect(await wrongKind.json()).toMatchObject({ error: { code: 'ERR_ARTIFACT_KIND', message: expect.stringContaining('This is a deactivation code, not an activation request code.') } });
      expect(await countActiveSeats(license.licenseId)).toBe(1);

      const freed = await post('/api/v1/deactivations', deactivation);
      expect(freed.status()).toBe(200);
      expect(await freed.json()).toMatchObject({ already_deactivated: false, seats_free: 1 });
      expect(await countActiveSeats(license.licenseId)).toBe(0);

      const again = await post('/api/v1/activations', await requestCode(second, license.key));
      expect(again.status()).toBe(201);
      const installed = await second.cli('install', '--code', (await again.json()).response_code);
      expect(installed.stdout).toContain('status: valid');

      const garbage = await post('/api/v1/deactivations', 'hello there portal how are you');
      expect(garbage.status()).toBeGreaterThanOrEqual(400);
      expect(garbage.status()).toBeLessThan(500);
    } finally {
      machine.dispose();
      second.dispose();
    }
  });
});
