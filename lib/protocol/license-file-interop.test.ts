/**
 * Reads the committed license-file vectors with node:crypto ONLY, following
 * docs/PROTOCOL.md alone: no jose, no lib/protocol. If this passes, any
 * language with Ed25519, HKDF-SHA256 and AES-256-GCM can read our files.
 */
import { createDecipheriv, createHash, createPublicKey, hkdfSync, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(__dirname, 'test-vectors');
const json = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const b64 = (s: string) => Buffer.from(s, 'base64url');
const file = (name: string) => readFileSync(join(dir, name), 'utf8');

/** PROTOCOL.md "Armor": the lines between BEGIN and END, joined. */
function dearmor(text: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const begin = lines.indexOf('-----BEGIN GATEPASS LICENSE-----');
  const end = lines.indexOf('-----END GATEPASS LICENSE-----');
  return lines.slice(begin + 1, end).join('');
}

/** PROTOCOL.md "License file": verify, then (when cty says so) decrypt. */
function readLicense(armored: string, jwks: { keys: Array<Record<string, string>> }, fingerprint: string, licenseKey?: string) {
  const [h, p, s] = dearmor(armored).split('.') as [string, string, string];
  const header = JSON.parse(b64(h).toString('utf8'));
  expect(header.alg).toBe('EdDSA');
  expect(header.typ).toBe('gatepass-license');
  const jwk = jwks.keys.find((k) => k.kid === header.kid && k.crv === 'Ed25519')!;
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x! }, format: 'jwk' });
  // RFC 7515 §5.2: the signing input is ASCII(header64 '.' payload64).
  const signatureOk = verify(null, Buffer.from(`${h}.${p}`, 'ascii'), publicKey, b64(s));
  let payload = b64(p);
  let contentKey: Buffer | undefined;
  if (header.cty === 'gatepass-license+jwe') {
    const [jh, , iv, ct, tag] = payload.toString('ascii').split('.') as [string, string, string, string, string];
    expect(JSON.parse(b64(jh).toString())).toMatchObject({ alg: 'dir', enc: 'A256GCM' });
    contentKey = Buffer.from(hkdfSync('sha256', Buffer.from(licenseKey!, 'utf8'), Buffer.from('gatepass/license-file/v1', 'utf8'), Buffer.from(fingerprint, 'utf8'), 32));
    // RFC 7516 §5.2 step 14-16: AAD = ASCII(BASE64URL(protected header)).
    const decipher = createDecipheriv('aes-256-gcm', contentKey, b64(iv));
    decipher.setAAD(Buffer.from(jh, 'ascii'));
    decipher.setAuthTag(b64(tag));
    payload = Buffer.concat([decipher.update(b64(ct)), decipher.final()]);
  } else {
    expect(header.cty).toBe('gatepass-license+json');
  }
  return { signatureOk, claims: JSON.parse(payload.toString('utf8')), contentKey };
}

describe('license files read with node:crypto only', () => {
  const keys = json('keys.json');

  it('verifies the unencrypted vector', () => {
    const v = json('license-plain.json');
    const { signatureOk, claims } = readLicense(file(v.file), keys.jwks, v.fingerprint);
    expect(signatureOk).toBe(true);
    expect(claims).toEqual(v.claims);
  });

  it('verifies the encrypted vector, derives the HKDF key and decrypts the claims', () => {
    const v = json('license-encrypted.json');
    const { signatureOk, claims, contentKey } = readLicense(file(v.file), keys.jwks, v.fingerprint, v.license_key);
    expect(signatureOk).toBe(true);
    expect(contentKey!.toString('hex')).toBe(v.content_key_hex);
    expect(claims).toEqual(v.claims);
    expect(claims.fingerprint).toBe(v.fingerprint);
  });

  it('rejects a changed payload by signature and a wrong fingerprint by the GCM tag', () => {
    const v = json('license-encrypted.json');
    expect(() => readLicense(file(v.file), keys.jwks, `x${v.fingerprint}`, v.license_key)).toThrow(/authenticate/);
    const plain = json('license-plain.json');
    const changed = file(plain.file).replace('InByb2R1', 'InByb2R2'); // one character of the payload
    expect(changed).not.toBe(file(plain.file));
    expect(readLicense(changed, keys.jwks, plain.fingerprint).signatureOk).toBe(false);
    const kid = createHash('sha256').update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x: keys.signing.publicJwk.x })).digest('base64url');
    expect(kid).toBe(keys.signing.kid); // RFC 7638 §3: members in lexicographic order, no spaces
  });
});
