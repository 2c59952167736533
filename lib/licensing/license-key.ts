import crypto from 'node:crypto';
import { compactLicenseKey } from '@/lib/protocol';

// Crockford base32 without I, L, O, U: nothing a customer can misread on the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 5;
const GROUP_LENGTH = 5;

/** A new license key: 5 groups of 5 base32 characters (125 random bits), e.g. `7KQ2M-...`. */
export function generateLicenseKey(): string {
  const groups = Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

/** The form the portal hashes and searches: see compactLicenseKey in lib/protocol. */
export const normalizeLicenseKey = compactLicenseKey;

/** SHA-256 of the normalized key: what the database looks licenses up by. */
export function hashLicenseKey(key: string): string {
  return crypto.createHash('sha256').update(normalizeLicenseKey(key), 'utf8').digest('hex');
}

/** First and last groups, stored in clear so support can search by what a customer reads out. */
export function licenseKeyParts(key: string): { prefix: string; suffix: string } {
  const normalized = normalizeLicenseKey(key);
  return { prefix: normalized.slice(0, GROUP_LENGTH), suffix: normalized.slice(-GROUP_LENGTH) };
}

/** How a key is shown when it must not be shown in full: `7KQ2M-•••••-…-9XW3T`. */
export function maskLicenseKey(prefix: string, suffix: string): string {
  return [prefix, ...Array.from({ length: GROUPS - 2 }, () => '•••••'), suffix].join('-');
}
