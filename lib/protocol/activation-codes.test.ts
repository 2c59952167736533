/**
 * The air-gapped codes (docs/PROTOCOL.md "Activation codes"), tested the way license files
 * are: the committed vectors still verify, every single-character change is refused
 * (caught by its group's check, or by the tag when the checks are recomputed), and the
 * response works only on the machine that asked, for the request it answers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CROCKFORD_ALPHABET, formatCode, parseCode } from './code-format';
import {
  CODE_GROUPS,
  createDeactivationCode,
  createRequestCode,
  createResponseCode,
  generateDeviceKeyPair,
  generateEncryptionKeyPair,
  isProtocolError,
  openResponseCode,
  readDeviceCode,
  verifyDeviceCodeTag,
  type KeyPairJwk,
  type ProtocolErrorCode,
} from './index';

const dir = join(__dirname, 'test-vectors');
const keys = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8')) as { encryption: KeyPairJwk; device: KeyPairJwk; time: number };
const vector = JSON.parse(readFileSync(join(dir, 'codes.json'), 'utf8')) as Record<string, string & number>;

const LICENSE_KEY = 'BVJMY-5HMTP-7PWR3-5CC3H-60X8D';
const PRODUCT = 'photo-pro';
const bare = (code: string) => code.replace(/-/g, '');

let portal: KeyPairJwk;
let device: KeyPairJwk;
beforeAll(async () => {
  [portal, device] = await Promise.all([generateEncryptionKeyPair(), generateDeviceKeyPair()]);
});

function machine(key = device, fingerprint = 'machine-a') {
  return { devicePrivateJwk: key.privateJwk, fingerprint, portalEncryptionJwk: portal.publicJwk };
}

function request(key = device, fingerprint = 'machine-a') {
  return createRequestCode({ ...machine(key, fingerprint), licenseKey: LICENSE_KEY, product: PRODUCT });
}

function respond(requestCode: string, terms = { exp: Math.floor(Date.now() / 1000) + 30 * 86_400, grace: 7 * 86_400 }, portalKey = portal) {
  return createResponseCode(readDeviceCode(requestCode, 'request'), { portalPrivateJwk: portalKey.privateJwk, product: PRODUCT, terms });
}

function open(responseCode: string, requestCode: string, key = device, fingerprint = 'machine-a') {
  return openResponseCode(responseCode, { requestCode, ...machine(key, fingerprint), product: PRODUCT });
}

function codeOf(fn: () => unknown): ProtocolErrorCode | 'accepted' {
  try {
    fn();
    return 'accepted';
  } catch (error) {
    if (isProtocolError(error)) return error.code;
    throw error;
  }
}

/** Every code with one data character changed and every check character recomputed. */
function* reencodedChanges(code: string, groups: number): Generator<string> {
  const values = parseCode(code, groups, {});
  for (let i = 0; i < values.length; i++) {
    const changed = [...values];
    changed[i] = (changed[i]! + 1 + (i % 31)) % 32;
    yield formatCode(changed);
  }
}

describe('code lengths and forgiving input', () => {
  it('prints 20, 19 and 6 groups of five: 100, 95 and 30 characters without dashes', () => {
    const r = request();
    expect(r).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){19}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect([bare(r).length, bare(createDeactivationCode(machine())).length, bare(respond(r)).length]).toEqual([100, 95, 30]);
    expect(CODE_GROUPS).toEqual({ request: 20, deactivation: 19, response: 6 });
  });

  it('reads lower case, spaces, no dashes, and I, L, O as 1, 1, 0', () => {
    const r = request();
    const typed = r.toLowerCase().replace(/-/g, ' ').replace(/1/g, 'l').replace(/0/g, 'o');
    expect(readDeviceCode(typed, 'request').text).toBe(r);
    const response = respond(r);
    expect(open(` ${bare(response).toLowerCase()} `, r).text).toBe(response);
  });
});

describe('typos name the group', () => {
  it('every single-character change of a request code names its group', () => {
    const r = bare(request());
    for (let i = 0; i < r.length; i++) {
      for (const c of CROCKFORD_ALPHABET + 'U*') {
        if (c === r[i]) continue;
        const typed = r.slice(0, i) + c + r.slice(i + 1);
        let group: number | undefined;
        try {
          readDeviceCode(typed, 'request');
        } catch (error) {
          if (!isProtocolError(error)) throw error;
          group = error.group;
          // A changed first character may turn a request into another kind: still refused.
          if (error.code !== 'ERR_CODE_MISTYPED') expect(i).toBe(0);
        }
        if (i > 0) expect(group, `${c} at ${i}`).toBe(Math.floor(i / 5) + 1);
        else expect(group ?? 1).toBe(1);
      }
    }
  });

  it('two swapped characters in a group, and two swapped groups, are caught', () => {
    const r = bare(request());
    for (let i = 0; i + 1 < r.length; i++) {
      if (r[i] === r[i + 1] || Math.floor(i / 5) !== Math.floor((i + 1) / 5)) continue;
      const typed = r.slice(0, i) + r[i + 1] + r[i] + r.slice(i + 2);
      expect(codeOf(() => readDeviceCode(typed, 'request')), `swap at ${i}`).not.toBe('accepted');
    }
    const groups = request().split('-');
    [groups[3], groups[7]] = [groups[7]!, groups[3]!];
    expect(() => readDeviceCode(groups.join('-'), 'request')).toThrow(/Group 4 of this activation request code looks mistyped/);
  });

  it('a missing or extra character says so and where it starts', () => {
    const r = bare(request());
    expect(() => readDeviceCode(r.slice(0, 42) + r.slice(43), 'request')).toThrow(/Group 9 .*1 character too few/);
    const response = bare(respond(request()));
    expect(() => open(response + 'X', request())).toThrow(/1 character too many/);
  });

  it('every single-character change of a response code names its group', () => {
    const r = request();
    const response = bare(respond(r));
    for (let i = 0; i < response.length; i++) {
      const c = response[i] === 'Z' ? 'Y' : 'Z';
      expect(() => open(response.slice(0, i) + c + response.slice(i + 1), r)).toThrow(`Group ${Math.floor(i / 5) + 1} of this response code looks mistyped`);
    }
  });
});

describe('forgery', () => {
  it('every data change with its check characters recomputed fails the request tag', () => {
    const r = request();
    for (const changed of reencodedChanges(r, CODE_GROUPS.request)) {
      let outcome: string;
      try {
        const code = readDeviceCode(changed, 'request');
        outcome = verifyDeviceCodeTag(code, { portalPrivateJwk: portal.privateJwk, licenseKey: LICENSE_KEY, product: PRODUCT }) ? 'accepted' : 'bad tag';
      } catch (error) {
        if (!isProtocolError(error)) throw error;
        outcome = error.code;
      }
      expect(outcome).not.toBe('accepted');
    }
    expect(verifyDeviceCodeTag(readDeviceCode(r), { portalPrivateJwk: portal.privateJwk, licenseKey: LICENSE_KEY, product: PRODUCT })).toBe(true);
  });

  it('a request tag needs the whole license key and the product', () => {
    const code = readDeviceCode(request());
    expect(verifyDeviceCodeTag(code, { portalPrivateJwk: portal.privateJwk, licenseKey: 'BVJMY-5HMTP-7PWR3-5CC3H-60X8E', product: PRODUCT })).toBe(false);
    expect(verifyDeviceCodeTag(code, { portalPrivateJwk: portal.privateJwk, licenseKey: LICENSE_KEY, product: 'other-app' })).toBe(false);
    expect(verifyDeviceCodeTag(code, { portalPrivateJwk: portal.privateJwk, licenseKey: 'bvjmy 5hmtp 7pwr3 5cc3h 6ox8d', product: PRODUCT })).toBe(true);
  });

  it('every data change of a response code, checks recomputed, is refused', () => {
    const r = request();
    const response = respond(r);
    expect(open(response, r).text).toBe(response);
    for (const changed of reencodedChanges(response, CODE_GROUPS.response)) {
      expect(codeOf(() => open(changed, r))).not.toBe('accepted');
    }
  });

  it('a response made with another portal key, or a deactivation code from another device key, is refused', async () => {
    const r = request();
    const otherPortal = await generateEncryptionKeyPair();
    expect(codeOf(() => open(respond(r, undefined, otherPortal), r))).toBe('ERR_WRONG_DEVICE');
    // A thief writes the victim's device key into a deactivation code: without the victim's
    // private key the tag cannot be right.
    const victim = readDeviceCode(createDeactivationCode(machine()));
    const thief = readDeviceCode(createDeactivationCode(machine(await generateDeviceKeyPair())));
    const forged = parseCode(thief.text, CODE_GROUPS.deactivation, {});
    const victimValues = parseCode(victim.text, CODE_GROUPS.deactivation, {});
    // Characters 1..52 hold the hint and the device key: take the victim's.
    for (let i = 0; i < 53; i++) forged[i] = victimValues[i]!;
    const code = readDeviceCode(formatCode(forged), 'deactivation');
    expect(Buffer.from(code.devicePublicKey).equals(Buffer.from(victim.devicePublicKey))).toBe(true);
    expect(verifyDeviceCodeTag(code, { portalPrivateJwk: portal.privateJwk })).toBe(false);
    expect(verifyDeviceCodeTag(victim, { portalPrivateJwk: portal.privateJwk })).toBe(true);
  });
});

describe('device binding and replay', () => {
  it('a response installs only on the machine that asked: another device key or fingerprint refuses it', async () => {
    const r = request();
    const response = respond(r);
    expect(open(response, r).exp).toBeGreaterThan(open(response, r).iat);
    const other = await generateDeviceKeyPair();
    expect(() => open(response, r, other)).toThrow('This response code was made for another machine or for an earlier request code');
    // The same state directory copied to another machine: another fingerprint, another code key.
    expect(codeOf(() => open(response, r, device, 'machine-b'))).toBe('ERR_WRONG_DEVICE');
  });

  it('a response to an earlier request does not install against a newer one (no replay extends a lease)', () => {
    const first = request();
    const oldResponse = respond(first);
    const second = request();
    expect(second).not.toBe(first);
    expect(codeOf(() => open(oldResponse, second))).toBe('ERR_WRONG_DEVICE');
  });

  it('lease and grace keep whole minutes after the request time, capped at about 728 days', () => {
    const r = request();
    const iat = readDeviceCode(r).iat;
    const opened = open(respond(r, { exp: iat + 3 * 86_400 + 59, grace: 3_600 + 30 }), r);
    expect(opened).toMatchObject({ iat, exp: iat + 3 * 86_400, grace: 3_600 });
    expect(open(respond(r, { exp: iat + 5 * 365 * 86_400, grace: 0 }), r).exp).toBe(iat + (2 ** 20 - 1) * 60);
  });
});

describe('kinds and bad input', () => {
  it('names the kind that was given instead', () => {
    const deactivation = createDeactivationCode(machine());
    expect(() => readDeviceCode(deactivation, 'request')).toThrow('This is a deactivation code, not an activation request code.');
    expect(() => readDeviceCode(respond(request()), 'request')).toThrow('This is a response code, not an activation request code.');
    expect(codeOf(() => open(request(), request()))).toBe('ERR_ARTIFACT_KIND');
    expect(readDeviceCode(deactivation).kind).toBe('deactivation');
  });

  it('garbage is refused, never thrown as a bug', () => {
    for (const garbage of ['', 'hello', 'x'.repeat(500), '-----BEGIN GATEPASS LICENSE-----', '*'.repeat(100), '0'.repeat(100)]) {
      expect(codeOf(() => readDeviceCode(garbage, 'request'))).not.toBe('accepted');
    }
  });
});

describe('test vectors', () => {
  it('the committed codes verify with keys.json', () => {
    const request = readDeviceCode(vector.request_code, 'request');
    expect(request.iat).toBe(vector.request_time);
    expect(request.nonce).toBe(vector.nonce);
    expect(verifyDeviceCodeTag(request, { portalPrivateJwk: keys.encryption.privateJwk, licenseKey: vector.license_key, product: vector.product })).toBe(true);
    const opened = openResponseCode(vector.response_code, {
      requestCode: vector.request_code,
      devicePrivateJwk: keys.device.privateJwk,
      fingerprint: vector.fingerprint,
      portalEncryptionJwk: keys.encryption.publicJwk,
      product: vector.product,
    });
    expect(opened).toMatchObject({ iat: vector.request_time, exp: vector.lease_end, grace: vector.grace_seconds });
    const deactivation = readDeviceCode(vector.deactivation_code, 'deactivation');
    expect(verifyDeviceCodeTag(deactivation, { portalPrivateJwk: keys.encryption.privateJwk })).toBe(true);
    expect(deactivation.devicePublicKey).toEqual(request.devicePublicKey);
  });

  it('the same inputs make the same codes (the construction is deterministic but for the nonce)', () => {
    const again = createRequestCode({
      devicePrivateJwk: keys.device.privateJwk,
      fingerprint: vector.fingerprint,
      portalEncryptionJwk: keys.encryption.publicJwk,
      now: new Date(vector.request_time * 1000),
      nonce: vector.nonce,
      licenseKey: vector.license_key,
      product: vector.product,
    });
    expect(again).toBe(vector.request_code);
    expect(createResponseCode(readDeviceCode(again), { portalPrivateJwk: keys.encryption.privateJwk, product: vector.product, terms: { exp: vector.lease_end, grace: vector.grace_seconds } })).toBe(vector.response_code);
  });
});
