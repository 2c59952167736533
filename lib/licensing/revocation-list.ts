import 'server-only';
import { listRevokedOfProduct, readRevocationSequence } from '@/db/queries/blocked-devices';
import { activeSigningKey, keyCacheMilliseconds } from '@/lib/instance/keys';
import { signRevocationList } from '@/lib/protocol';

export interface CurrentRevocationList {
  /** The armored list. */
  text: string;
  sequence: number;
  issuedAt: Date;
  /** How many entries it holds. */
  size: number;
}

/** Lists already signed in this process, by product, sequence and signing key: a list changes only with its sequence. */
const signed = new Map<string, Promise<CurrentRevocationList>>();
const CACHE_LIMIT = 256;

/**
 * The current signed revocation list (issue 11): blocked devices and suspended licenses of
 * one product (or of all, with `null`), as salted hashes. The sequence is read first, so a
 * list is never older than its number says.
 *
 * @example
 * const { text } = await currentRevocationList('photo-pro');
 */
export async function currentRevocationList(productSlug: string | null, now = new Date()): Promise<CurrentRevocationList> {
  const [sequence, signingKey] = await Promise.all([cachedSequence(), activeSigningKey()]);
  const cacheKey = `${productSlug ?? ''}\u0000${sequence}\u0000${signingKey.kid}`;
  let list = signed.get(cacheKey);
  if (!list) {
    list = (async () => {
      const { licenseIds, devices } = await listRevokedOfProduct(productSlug);
      const text = await signRevocationList({ seq: sequence, issuedAt: now, ...(productSlug ? { product: productSlug } : {}), items: { licenseIds, devices }, signingKey });
      return { text, sequence, issuedAt: new Date(Math.floor(now.getTime() / 1000) * 1000), size: licenseIds.length + devices.length };
    })();
    if (signed.size >= CACHE_LIMIT) signed.clear();
    signed.set(cacheKey, list);
    list.catch(() => signed.delete(cacheKey));
  }
  return list;
}

// The sequence is read for every file the portal issues: this process keeps it as long as it
// keeps the keys (GATEPASS_KEY_CACHE_SECONDS), so a block made on another instance reaches
// this one's files within that bound, and one made here at once (afterRevocationChange).
// On globalThis: route handlers and server actions are bundled apart.
const globalForSequence = globalThis as unknown as { gatepassRevocationSequence?: { until: number; value: Promise<number> } };

function cachedSequence(): Promise<number> {
  const now = Date.now();
  const hit = globalForSequence.gatepassRevocationSequence;
  if (hit && hit.until > now) return hit.value;
  const value = readRevocationSequence();
  const ttl = keyCacheMilliseconds();
  if (ttl > 0) {
    const entry = { until: now + ttl, value };
    globalForSequence.gatepassRevocationSequence = entry;
    value.catch(() => {
      if (globalForSequence.gatepassRevocationSequence === entry) globalForSequence.gatepassRevocationSequence = undefined;
    });
  }
  return value;
}

/**
 * Runs a change that raises the revocation sequence (a block, an unblock, a suspension, a
 * reinstatement), then drops this process's copy of the sequence, after the commit, so the
 * next file issued here carries the new list.
 */
export async function afterRevocationChange<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } finally {
    globalForSequence.gatepassRevocationSequence = undefined;
  }
}
