import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setSigningKeyStatus } from '@/db/queries/keys';
import type { Actor } from '@/lib/core/actor';
import { activeSigningKey, ensureInstanceKeys, forgetCachedKeys, publicJwks, requestDecryptionKeys, rotateSigningKey } from '@/lib/instance/keys';

const admin: Actor = { type: 'user', id: 'u-admin', label: 'admin@example.com', ip: '10.0.0.1' };
const kids = async () => (await publicJwks()).keys.map((key) => key.kid);

beforeAll(async () => {
  await ensureInstanceKeys();
});

afterEach(() => {
  vi.useRealTimers();
  delete process.env.GATEPASS_KEY_CACHE_SECONDS;
});

describe('the key cache', () => {
  it('sees a rotation made in this process at once: new signing key, both keys in the JWKS', async () => {
    const before = await activeSigningKey();
    expect(await kids()).toContain(before.kid);

    const rotated = await rotateSigningKey(admin);
    expect(rotated.retiredKid).toBe(before.kid);
    const after = await activeSigningKey();
    expect(after.kid).toBe(rotated.kid);
    expect(after.privateJwk).toHaveProperty('d');
    expect(await kids()).toEqual(expect.arrayContaining([before.kid, rotated.kid]));
  });

  it('keeps the unsealed keys for GATEPASS_KEY_CACHE_SECONDS, then reads what another instance changed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const retired = (await rotateSigningKey(admin)).retiredKid!;
    const signing = await activeSigningKey();
    const decryption = await requestDecryptionKeys();
    expect(await kids()).toContain(retired);
    // The same parsed keys, not unsealed again, while the cache lasts.
    expect(await activeSigningKey()).toBe(signing);
    expect(await requestDecryptionKeys()).toBe(decryption);

    // Another instance revokes the key: a write this process's cache does not hear of.
    await setSigningKeyStatus(retired, 'revoked', new Date());
    vi.setSystemTime(Date.now() + 9_000);
    expect(await kids()).toContain(retired);
    vi.setSystemTime(Date.now() + 2_000);
    expect(await kids()).not.toContain(retired);
    expect(await activeSigningKey()).not.toBe(signing);
    expect((await activeSigningKey()).kid).toBe(signing.kid);
  });

  it('follows GATEPASS_KEY_CACHE_SECONDS, and forgetCachedKeys drops the keys at once', async () => {
    process.env.GATEPASS_KEY_CACHE_SECONDS = '60';
    vi.useFakeTimers({ toFake: ['Date'] });
    forgetCachedKeys();
    const retired = (await rotateSigningKey(admin)).retiredKid!;
    expect(await kids()).toContain(retired);
    await setSigningKeyStatus(retired, 'revoked', new Date());
    vi.setSystemTime(Date.now() + 30_000);
    expect(await kids()).toContain(retired);
    forgetCachedKeys();
    expect(await kids()).not.toContain(retired);

    process.env.GATEPASS_KEY_CACHE_SECONDS = '0';
    const uncached = await activeSigningKey();
    expect(await activeSigningKey()).not.toBe(uncached);

    process.env.GATEPASS_KEY_CACHE_SECONDS = 'soon';
    forgetCachedKeys();
    await expect(activeSigningKey()).rejects.toThrow(/GATEPASS_KEY_CACHE_SECONDS must be a number of seconds/);
  });
});
