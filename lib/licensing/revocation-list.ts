import 'server-only';
import { listRevokedOfProduct, readRevocationSequence } from '@/db/queries/blocked-devices';
import { activeSigningKey } from '@/lib/instance/keys';
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
  const [sequence, signingKey] = await Promise.all([readRevocationSequence(), activeSigningKey()]);
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
