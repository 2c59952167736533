import 'server-only';
import { writeTransaction } from '@/db/client';
import { lockFirstStart } from '@/db/queries/instance';
import {
  findActiveSigningKey,
  insertEncryptionKey,
  insertSigningKey,
  listPublishedSigningKeys,
  listUsableEncryptionKeys,
  setSigningKeyStatus,
} from '@/db/queries/keys';
import type { EncryptionKey, SigningKey } from '@/db/schema';
import { sealSecret, unsealSecret } from '@/lib/instance/master-key';
import { SYSTEM_ACTOR, type Actor } from '@/lib/core/actor';
import { audit } from '@/db/queries/audit';
import { generateEncryptionKeyPair, generateSigningKeyPair, type JWK, type KeyPairJwk } from '@/lib/protocol';

const SIGNING_CONTEXT = 'signing_keys.private_jwk';
const ENCRYPTION_CONTEXT = 'encryption_keys.private_jwk';

async function toKeyPair(row: SigningKey | EncryptionKey, context: string): Promise<KeyPairJwk> {
  return {
    kid: row.kid,
    publicJwk: row.publicJwk as JWK,
    privateJwk: JSON.parse(await unsealSecret(row.privateJwkEncrypted, context)) as JWK,
  };
}

/** A new key pair as stored: the private JWK sealed under the master key for its column. */
async function storedKey(pair: KeyPairJwk, context: string) {
  return { kid: pair.kid, publicJwk: pair.publicJwk, privateJwkEncrypted: await sealSecret(JSON.stringify(pair.privateJwk), context), status: 'active' as const };
}

/**
 * How long this process keeps the keys it unsealed: GATEPASS_KEY_CACHE_SECONDS, default
 * 10. A rotation or revocation on another instance reaches this one within that bound;
 * one made in this process clears the cache at once ({@link forgetCachedKeys}). 0 turns
 * the cache off.
 */
export function keyCacheMilliseconds(env: Record<string, string | undefined> = process.env): number {
  const value = env.GATEPASS_KEY_CACHE_SECONDS;
  if (value === undefined || value.trim() === '') return 10_000;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`GATEPASS_KEY_CACHE_SECONDS must be a number of seconds (0 or more); got "${value}"`);
  return seconds * 1000;
}

type CachedKeys = { signing: KeyPairJwk; decryption: KeyPairJwk[]; jwks: { keys: JWK[] } };
// One pending or settled read per kind; a failed read is dropped so the next call retries.
// Kept on globalThis: Next.js bundles routes and server actions apart, each with its own
// copy of this module, and a rotation in an action must clear what the JWKS route serves.
const globalForKeys = globalThis as unknown as { gatepassKeyCache?: Map<keyof CachedKeys, { until: number; value: Promise<CachedKeys[keyof CachedKeys]> }> };
const keyCache = (globalForKeys.gatepassKeyCache ??= new Map());

async function cachedKeys<K extends keyof CachedKeys>(kind: K, load: () => Promise<CachedKeys[K]>): Promise<CachedKeys[K]> {
  const now = Date.now();
  const hit = keyCache.get(kind);
  if (hit && hit.until > now) return hit.value as Promise<CachedKeys[K]>;
  const ttl = keyCacheMilliseconds();
  const value = load();
  if (ttl > 0) {
    const entry = { until: now + ttl, value };
    keyCache.set(kind, entry);
    value.catch(() => {
      if (keyCache.get(kind) === entry) keyCache.delete(kind);
    });
  }
  return value;
}

/**
 * Drops the keys this process keeps in memory, so the next request reads them from the
 * database: called after a rotation or a revocation here, and by tests.
 */
export function forgetCachedKeys(): void {
  keyCache.clear();
}

/**
 * Creates the signing and request-encryption keys on first start; later starts keep
 * them (issue 2: "restarting never regenerates keys"). The check is repeated inside the
 * write transaction, so two processes starting at once still create one key each kind.
 */
export async function ensureInstanceKeys(): Promise<{ createdSigningKey?: string; createdEncryptionKey?: string }> {
  const created: { createdSigningKey?: string; createdEncryptionKey?: string } = {};
  if (!(await findActiveSigningKey())) {
    const pair = await generateSigningKeyPair();
    const row = await storedKey(pair, SIGNING_CONTEXT);
    await writeTransaction(async (tx) => {
      await lockFirstStart(tx);
      if (await findActiveSigningKey(tx)) return;
      await insertSigningKey(row, tx);
      await audit(tx, SYSTEM_ACTOR, 'key.create', { type: 'signing_key', id: pair.kid });
      created.createdSigningKey = pair.kid;
    });
  }
  if ((await listUsableEncryptionKeys()).length === 0) {
    const pair = await generateEncryptionKeyPair();
    const row = await storedKey(pair, ENCRYPTION_CONTEXT);
    await writeTransaction(async (tx) => {
      await lockFirstStart(tx);
      if ((await listUsableEncryptionKeys(tx)).length > 0) return;
      await insertEncryptionKey(row, tx);
      await audit(tx, SYSTEM_ACTOR, 'key.create', { type: 'encryption_key', id: pair.kid });
      created.createdEncryptionKey = pair.kid;
    });
  }
  if (created.createdSigningKey || created.createdEncryptionKey) forgetCachedKeys();
  return created;
}

/** The key that signs license files from now on (kept in memory: {@link forgetCachedKeys}). */
export function activeSigningKey(): Promise<KeyPairJwk> {
  return cachedKeys('signing', async () => {
    const row = await findActiveSigningKey();
    if (!row) throw new Error('No active signing key: the instance was not started with `npm start`');
    return toKeyPair(row, SIGNING_CONTEXT);
  });
}

/** Private keys that may open device artifacts, newest first (kept in memory: {@link forgetCachedKeys}). */
export function requestDecryptionKeys(): Promise<KeyPairJwk[]> {
  return cachedKeys('decryption', async () => Promise.all((await listUsableEncryptionKeys()).map((row) => toKeyPair(row, ENCRYPTION_CONTEXT))));
}

/**
 * The public JWKS (RFC 7517 §5): signing keys that still verify (active and retired)
 * and the portal's request-encryption key(s), marked `use: "enc"`.
 */
export function publicJwks(): Promise<{ keys: JWK[] }> {
  return cachedKeys('jwks', async () => {
    const [published, usable] = await Promise.all([listPublishedSigningKeys(), listUsableEncryptionKeys()]);
    const signing = published.map((row) => ({ ...(row.publicJwk as JWK), kid: row.kid, use: 'sig', alg: 'EdDSA' }));
    const encryption = usable.map((row) => ({
      ...(row.publicJwk as JWK),
      kid: row.kid,
      use: 'enc',
      alg: 'ECDH-ES+A256KW',
    }));
    return { keys: [...signing, ...encryption] };
  });
}

/**
 * Rotation: a new key signs from now on; the previous one is retired but stays in
 * the JWKS, so every file it signed keeps verifying.
 */
export async function rotateSigningKey(actor: Actor): Promise<{ kid: string; retiredKid?: string }> {
  const pair = await generateSigningKeyPair();
  const row = await storedKey(pair, SIGNING_CONTEXT);
  try {
    return await writeTransaction(async (tx) => {
      const previous = await findActiveSigningKey(tx);
      const now = new Date();
      if (previous) await setSigningKeyStatus(previous.kid, 'retired', now, tx);
      await insertSigningKey(row, tx);
      await audit(tx, actor, 'key.rotate', { type: 'signing_key', id: pair.kid }, { retired: previous?.kid ?? null }, now);
      return { kid: pair.kid, retiredKid: previous?.kid };
    });
  } finally {
    // After the commit: a read racing the rotation may have cached the old key meanwhile.
    forgetCachedKeys();
  }
}
