import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

// OWASP's scrypt floor is N=2^17, r=8, p=1; maxmem must allow 128*N*r bytes.
const PARAMS = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const KEY_LENGTH = 32;

/**
 * Each hash takes 128 MiB and a libuv thread for a few hundred milliseconds. At most
 * {@link MAX_CONCURRENT_HASHES} run at once, at most {@link MAX_WAITING_HASHES} more
 * wait their turn, and any beyond are refused at once: a flood of sign-ins then costs
 * bounded memory and leaves the thread pool to everyone else (issue 13, point 4).
 */
export const MAX_CONCURRENT_HASHES = 2;
export const MAX_WAITING_HASHES = 8;

/** Thrown instead of hashing when {@link MAX_WAITING_HASHES} hashes are already waiting. */
export class PasswordHashingBusyError extends Error {
  override name = 'PasswordHashingBusyError';
  constructor() {
    super('Too many passwords are being checked at once');
  }
}

// One set of slots per process, even if the bundler loads this module more than once.
const slots = ((globalThis as unknown as { gatepassHashSlots?: { running: number; waiting: Array<() => void> } }).gatepassHashSlots ??= {
  running: 0,
  waiting: [],
});

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (slots.running >= MAX_CONCURRENT_HASHES) {
    if (slots.waiting.length >= MAX_WAITING_HASHES) throw new PasswordHashingBusyError();
    await new Promise<void>((resolve) => slots.waiting.push(resolve));
  } else {
    slots.running += 1;
  }
  try {
    return await work();
  } finally {
    const next = slots.waiting.shift();
    if (next) next(); // the slot passes straight to the next in line
    else slots.running -= 1;
  }
}

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64url), so parameters can grow later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await withHashSlot(() => scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, PARAMS));
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/**
 * Checks a password against {@link hashPassword}'s output in constant time.
 *
 * @throws {PasswordHashingBusyError} when too many hashes are already waiting
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, hashText] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !hashText) return false;
  const expected = Buffer.from(hashText, 'base64url');
  const N = Number(n);
  const actual = await withHashSlot(() => scrypt(password.normalize('NFKC'), Buffer.from(saltText, 'base64url'), expected.length, {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: 256 * N * Number(r),
  }));
  return crypto.timingSafeEqual(actual, expected);
}

/** A random password a person can type: 4 groups of 5 lowercase letters and digits (~100 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 5 }, () => alphabet[crypto.randomInt(alphabet.length)]).join(''),
  );
  return groups.join('-');
}
