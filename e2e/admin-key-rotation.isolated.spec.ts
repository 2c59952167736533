import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import { AdminCliMachine, JWKS_URL, kidOf } from './fixtures/admin-cli';
import { TEST_ADMIN } from './fixtures/credentials';
import { createTestLicense } from './fixtures/domain';
import { LoginPage } from './pages/login-page';

// Isolated: rotating and revoking the instance's signing key would break files other
// specs are verifying at the same moment.
test('key rotation keeps an old license file valid in the SDK while new files carry the new kid; revoking warns, then withdraws the old key', async ({ page, request }) => {
  const productSlug = `rotate-${crypto.randomBytes(3).toString('hex')}`;
  const { key } = await createTestLicense({ seats: 2, productSlug });
  const oldMachine = new AdminCliMachine(productSlug);
  const newMachine = new AdminCliMachine(productSlug);
  try {
    const before = await oldMachine.activate(request, key);
    expect((await oldMachine.install(before.licenseFile)).code).toBe(0);
    const oldKid = kidOf(before.licenseFile);

    await page.goto('/login?callbackUrl=/admin/keys');
    await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    await expect(page.getByTestId(`key-row-${oldKid}`)).toHaveAttribute('data-status', 'active');
    // Rotation asks first, saying that issued files stay valid and which apps need the new key set.
    await page.getByTestId('rotate-open').click();
    const dialog = page.getByRole('dialog', { name: 'Rotate the signing key?' });
    await expect(dialog.getByTestId('rotate-old-files')).toContainText(`${oldKid}) is retired, not removed`);
    await expect(dialog.getByTestId('rotate-apps')).toContainText('Ship the new key set');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId(`key-row-${oldKid}`)).toHaveAttribute('data-status', 'active');
    await page.getByTestId('rotate-open').click();
    await dialog.getByRole('button', { name: 'Rotate signing key' }).click();
    await expect(page.getByTestId('form-success')).toContainText('signs license files from now on');
    await expect(page.getByTestId(`key-row-${oldKid}`)).toHaveAttribute('data-status', 'retired');

    const jwks = (await (await request.get(JWKS_URL)).json()) as { keys: { kid: string; use: string }[] };
    const signing = jwks.keys.filter((k) => k.use === 'sig').map((k) => k.kid);
    expect(signing).toContain(oldKid);
    const activeRows = page.getByTestId('key-table').locator('[data-status="active"]');
    await expect(activeRows).toHaveCount(1);
    const newKid = (await activeRows.getAttribute('data-testid'))!.replace('key-row-', '');
    expect(newKid).not.toBe(oldKid);
    expect(signing).toContain(newKid);

    // The old machine, trusting the new key set, still verifies its old file offline.
    const rotatedJwks = oldMachine.saveJwks(jwks);
    expect(await oldMachine.status(rotatedJwks)).toMatchObject({ code: 0, status: 'valid' });

    // A machine activated now gets a file signed by the new key.
    const after = await newMachine.activate(request, key);
    expect(kidOf(after.licenseFile)).toBe(newKid);
    expect((await newMachine.install(after.licenseFile)).code).toBe(0);
    expect(await newMachine.status()).toMatchObject({ code: 0, status: 'valid' });

    // Revoking the old key names the still-valid files it signed, needs a tick, and leaves the JWKS.
    await page.reload();
    const oldRow = page.getByTestId(`key-row-${oldKid}`);
    const stillValid = Number(await oldRow.getByTestId('still-valid').textContent());
    expect(stillValid).toBeGreaterThanOrEqual(1);
    await expect(oldRow.getByTestId('revoke-warning')).toContainText(`${stillValid} license file${stillValid === 1 ? '' : 's'} signed by this key`);
    await oldRow.getByTestId(`revoke-submit-${oldKid}`).click();
    await expect(oldRow).toContainText('Tick this box to revoke.');
    await oldRow.getByLabel('I understand; revoke this key.').check();
    await oldRow.getByTestId(`revoke-submit-${oldKid}`).click();
    await expect(oldRow).toHaveAttribute('data-status', 'revoked');

    const withoutOld = (await (await request.get(JWKS_URL)).json()) as { keys: { kid: string }[] };
    expect(withoutOld.keys.map((k) => k.kid)).not.toContain(oldKid);
    expect((await oldMachine.status(oldMachine.saveJwks(withoutOld))).status).toBe('invalid');
    expect(await newMachine.status(newMachine.saveJwks(withoutOld))).toMatchObject({ code: 0, status: 'valid' });
  } finally {
    oldMachine.dispose();
    newMachine.dispose();
  }
});
