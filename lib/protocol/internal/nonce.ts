import { randomBytes } from 'node:crypto';

/** A fresh `jti` (RFC 7519 §4.1.7): 128 random bits, base64url. */
export function newJti(): string {
  return randomBytes(16).toString('base64url');
}

/** Current time as a NumericDate (RFC 7519 §2). */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
