import { importJWK, type CryptoKey, type JWK } from 'jose';

// Importing a key costs about as much as using it. The portal keeps its private keys as
// long-lived JWK objects (lib/instance/keys.ts caches them), so each object is imported
// once per algorithm and reused; a new object (after a rotation) is imported anew.
const imported = new WeakMap<JWK, Map<string, Promise<CryptoKey | Uint8Array>>>();

/** `importJWK(private OKP parts of jwk, alg)`, once per JWK object and algorithm. */
export function importPrivateOkpKey(jwk: JWK, alg: string): Promise<CryptoKey | Uint8Array> {
  let byAlg = imported.get(jwk);
  if (!byAlg) {
    byAlg = new Map();
    imported.set(jwk, byAlg);
  }
  let key = byAlg.get(alg);
  if (!key) {
    const { kty, crv, x, d } = jwk;
    key = importJWK({ kty, crv, x, d }, alg);
    // A failed import is not remembered: the caller's error handling sees it each time.
    key.catch(() => byAlg.delete(alg));
    byAlg.set(alg, key);
  }
  return key;
}
