import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { armor, dearmor, signRevocationList, type RevokedItems } from '../protocol';
import { createGatepassClient } from './client';
import { STATE_FILES } from './state-store';
import { makeTestPortal, type TestPortal } from './test-portal';

let portal: TestPortal;
const dirs: string[] = [];
beforeAll(async () => {
  portal = await makeTestPortal();
});
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function installedMachine(name: string) {
  const stateDir = await mkdtemp(join(tmpdir(), `gatepass-rev-${name}-`));
  dirs.push(stateDir);
  const gp = createGatepassClient({ product: 'photo-pro', jwks: portal.jwks, fingerprint: `fp-${name}`, stateDir });
  const license = await portal.issue(await gp.createActivationRequest({ licenseKey: 'GP-REVOKE' }), { seat_id: `seat-${name}` });
  await gp.installLicense(license);
  const claims = (await gp.check()).claims!;
  return { gp, license, claims };
}

const list = (seq: number, items: RevokedItems, product = 'photo-pro') => signRevocationList({ seq, issuedAt: new Date(), product, items, signingKey: portal.f.signing });
const none: RevokedItems = { licenseIds: [], devices: [] };

describe('revocation list in the SDK', () => {
  it('reports revoked for a device named by a list that came inside another machine\'s license file', async () => {
    const stolen = await installedMachine('stolen');
    const other = await installedMachine('other');
    expect((await stolen.gp.check()).status).toBe('valid');
    // The portal's file for the other machine carries the list naming the stolen device.
    const carrying = `${other.license}${await list(5, { licenseIds: [], devices: [{ licenseId: stolen.claims.license_id, deviceThumbprint: stolen.claims.device_thumbprint }] })}`;
    expect(await stolen.gp.installRevocationList(carrying)).toMatchObject({ sequence: 5, size: 1 });
    expect(await stolen.gp.check()).toMatchObject({ status: 'revoked', ok: false, revokedBy: 'device', message: expect.stringContaining('blocked for this license') });
    // The other machine installs the same file and keeps working: only the stolen device is named.
    expect(await other.gp.installLicense(carrying)).toMatchObject({ status: 'valid' });
  });

  it('reports revoked for a suspended license, and a newer list without it clears the state', async () => {
    const m = await installedMachine('suspended');
    await m.gp.installRevocationList(await list(7, { licenseIds: [m.claims.license_id], devices: [] }));
    expect(await m.gp.check()).toMatchObject({ status: 'revoked', revokedBy: 'license' });
    await m.gp.installRevocationList(await list(8, none));
    expect((await m.gp.check()).status).toBe('valid');
  });

  it('keeps the highest sequence: an older list is refused alone and skipped inside a license file', async () => {
    const m = await installedMachine('older');
    const blocking = await list(12, { licenseIds: [m.claims.license_id], devices: [] });
    await m.gp.installRevocationList(blocking);
    await expect(m.gp.installRevocationList(await list(11, none))).rejects.toMatchObject({ code: 'ERR_REVOCATION_LIST_OLDER', message: expect.stringContaining('(#11) is older than the one this machine has (#12)') });
    expect((await m.gp.check()).status).toBe('revoked');
    // A license file carrying an older list installs; its list does not replace the newer one.
    expect(await m.gp.installLicense(`${m.license}${await list(3, none)}`)).toMatchObject({ status: 'revoked' });
    expect(await m.gp.revocationList()).toMatchObject({ sequence: 12 });
  });

  it('refuses a tampered list, a list for another product, and notices a stored list changed by hand', async () => {
    const m = await installedMachine('tamper');
    const good = await list(20, { licenseIds: [m.claims.license_id], devices: [] });
    const [header, payload, signature] = dearmor(good, 'revocations').split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const forged = armor('revocations', `${header}.${Buffer.from(JSON.stringify({ ...claims, entries: '' })).toString('base64url')}.${signature}`);
    await expect(m.gp.installRevocationList(forged)).rejects.toMatchObject({ code: 'ERR_SIGNATURE_INVALID' });
    await expect(m.gp.installRevocationList(await list(21, none, 'other-app'))).rejects.toMatchObject({ code: 'ERR_WRONG_PRODUCT' });
    expect(await m.gp.revocationList()).toBeNull();

    await m.gp.installRevocationList(good);
    expect((await m.gp.check()).status).toBe('revoked');
    await writeFile(join(m.gp.stateDir, STATE_FILES.revocations), forged);
    expect(await m.gp.check()).toMatchObject({ status: 'invalid', ok: false, reason: 'ERR_SIGNATURE_INVALID' });
  });
});
