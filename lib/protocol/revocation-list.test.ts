import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { armor, dearmor, publicJwks, signLicenseFile, signRevocationList, verifyRevocationList, type KeyPairJwk } from './index';
import { licenseClaims, makeFixture, type Fixture } from './test-fixtures';

const dir = join(__dirname, 'test-vectors');
const keys = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8')) as { signing: KeyPairJwk; device: KeyPairJwk; jwks: { keys: [] }; time: number };
const vector = JSON.parse(readFileSync(join(dir, 'revocation-list.json'), 'utf8'));
const vectorText = readFileSync(join(dir, vector.file), 'utf8');

let f: Fixture;
beforeAll(async () => {
  f = await makeFixture();
});

describe('revocation list', () => {
  it('the vector verifies, re-signs byte for byte, and its entries are the documented salted hashes (node:crypto only)', async () => {
    const list = await verifyRevocationList(vectorText, { jwks: keys.jwks, product: 'photo-pro' });
    expect(list.claims).toMatchObject({ seq: 42, iat: keys.time, product: 'photo-pro', salt: vector.salt, hash: 'sha256-64' });
    const salt = Buffer.from(vector.salt, 'base64url');
    const expected = (vector.entries as string[]).map((entry) => createHash('sha256').update(Buffer.concat([salt, Buffer.from(entry, 'utf8')])).digest().subarray(0, 8)).sort(Buffer.compare);
    expect(list.claims.entries).toBe(Buffer.concat(expected).toString('base64url'));
    expect(await signRevocationList({ seq: 42, issuedAt: new Date(keys.time * 1000), product: 'photo-pro', items: vector.items, signingKey: keys.signing, salt })).toBe(vectorText);
    expect(list.revokes({ license_id: 'lic_suspended_01', device_thumbprint: 'x'.repeat(43) })).toBe('license');
    expect(list.revokes({ license_id: 'lic_01', device_thumbprint: keys.device.kid })).toBe('device');
    // The same device on another license is not named: a block is per license.
    expect(list.revokes({ license_id: 'lic_02', device_thumbprint: keys.device.kid })).toBeNull();
  });

  it('names no customer: the payload holds neither ids nor thumbprints, and a new salt changes every hash', async () => {
    const items = { licenseIds: ['lic_secret_customer'], devices: [{ licenseId: 'lic_secret_customer', deviceThumbprint: f.deviceThumbprint }] };
    const a = await signRevocationList({ seq: 1, issuedAt: new Date(), items, signingKey: f.signing });
    const b = await signRevocationList({ seq: 1, issuedAt: new Date(), items, signingKey: f.signing });
    const payloadOf = (text: string) => Buffer.from(dearmor(text, 'revocations').split('.')[1]!, 'base64url').toString('utf8');
    expect(payloadOf(a)).not.toContain('lic_secret_customer');
    expect(payloadOf(a)).not.toContain(f.deviceThumbprint);
    expect(JSON.parse(payloadOf(a)).entries).not.toBe(JSON.parse(payloadOf(b)).entries);
  });

  it('refuses a tampered list, a list signed by an unknown key, a license file passed as a list, and a list for another product', async () => {
    const jwks = publicJwks([f.signing]);
    const text = await signRevocationList({ seq: 3, issuedAt: new Date(), product: 'photo-pro', items: { licenseIds: ['lic_1'], devices: [] }, signingKey: f.signing });
    const compact = dearmor(text, 'revocations');
    const [header, payload, signature] = compact.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const emptied = Buffer.from(JSON.stringify({ ...claims, entries: '' })).toString('base64url');
    await expect(verifyRevocationList(armor('revocations', `${header}.${emptied}.${signature}`), { jwks })).rejects.toMatchObject({ code: 'ERR_SIGNATURE_INVALID', message: expect.stringContaining('revocation list was changed') });
    const other = await makeFixture();
    await expect(verifyRevocationList(text, { jwks: publicJwks([other.signing]) })).rejects.toMatchObject({ code: 'ERR_UNKNOWN_KEY' });
    const license = await signLicenseFile({ claims: licenseClaims({ device_thumbprint: f.deviceThumbprint }), signingKey: f.signing });
    await expect(verifyRevocationList(license, { jwks })).rejects.toMatchObject({ code: 'ERR_ARTIFACT_KIND' });
    // A license-file JWS re-armored as a list still says typ gatepass-license (RFC 8725 §3.11).
    await expect(verifyRevocationList(armor('revocations', dearmor(license, 'license')), { jwks })).rejects.toMatchObject({ code: 'ERR_ARTIFACT_KIND' });
    await expect(verifyRevocationList(text, { jwks, product: 'other-app' })).rejects.toMatchObject({ code: 'ERR_WRONG_PRODUCT' });
    await expect(verifyRevocationList(text, { jwks, product: 'photo-pro' })).resolves.toMatchObject({ size: 1 });
  });

  it('is found inside a license file that carries it', async () => {
    const jwks = publicJwks([f.signing]);
    const license = await signLicenseFile({ claims: licenseClaims({ device_thumbprint: f.deviceThumbprint }), signingKey: f.signing });
    const list = await signRevocationList({ seq: 9, issuedAt: new Date(), items: { licenseIds: [], devices: [{ licenseId: 'lic_01', deviceThumbprint: f.deviceThumbprint }] }, signingKey: f.signing });
    const carried = await verifyRevocationList(`${license}${list}`, { jwks });
    expect(carried.claims.seq).toBe(9);
    expect(carried.revokes({ license_id: 'lic_01', device_thumbprint: f.deviceThumbprint })).toBe('device');
  });
});
