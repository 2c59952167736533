import 'server-only';
import type { Tx } from '@/db/client';
import {
  countSignInAttempt,
  deleteSignInFailuresBefore,
  findSignInFailures,
  forgetSignInFailures,
  uncountSignInAttempt,
  type SignInFailureCounts,
} from '@/db/queries/sign-in-failures';

/**
 * How failed staff sign-ins slow guessing down (issue 13, points 2 and 3; docs/DECISIONS.md
 * "Sign-in throttling"). Failures are counted per normalized email, whether or not a user
 * has it, so every answer is the same for known and unknown emails:
 *
 * - per email *and* client address: {@link FREE_FAILURES_PER_ADDRESS} failures are answered
 *   at once; the last of them starts a wait of {@link FIRST_DELAY_SECONDS}, and each further
 *   failure doubles it, up to {@link LOCKOUT_SECONDS}. A stranger guessing from one address
 *   delays only themselves;
 * - per email across all addresses: after {@link ACCOUNT_FAILURE_CEILING} failures the
 *   account is locked for {@link LOCKOUT_SECONDS} from the last one, against guessing
 *   spread over many addresses.
 *
 * Counts are forgotten {@link FORGET_FAILURES_AFTER_SECONDS} after the last failure, and a
 * sign-in with the right password forgets its address's count.
 */
export const FREE_FAILURES_PER_ADDRESS = 5;
const FIRST_DELAY_SECONDS = 60;
export const ACCOUNT_FAILURE_CEILING = 50;
export const LOCKOUT_SECONDS = 15 * 60;
const FORGET_FAILURES_AFTER_SECONDS = 24 * 60 * 60;

/** Why an attempt is refused before its password is checked. */
export type Throttle = 'delayed' | 'locked';

/** Seconds to wait after the `failures`th failure from one address: 0, then 60, 120, 240 … up to 900. */
export function delayAfterFailures(failures: number): number {
  if (failures < FREE_FAILURES_PER_ADDRESS) return 0;
  return Math.min(LOCKOUT_SECONDS, FIRST_DELAY_SECONDS * 2 ** Math.min(failures - FREE_FAILURES_PER_ADDRESS, 16));
}

/** The refusal the counts call for at `now`, if any; the account lock wins over the address delay. */
export function throttleOf(counts: SignInFailureCounts, now: number): Throttle | undefined {
  const { account, pair } = counts;
  if (account.failures >= ACCOUNT_FAILURE_CEILING && now < account.lastFailedAt + LOCKOUT_SECONDS * 1000) return 'locked';
  if (now < pair.lastFailedAt + delayAfterFailures(pair.failures) * 1000) return 'delayed';
  return undefined;
}

/** An attempt that passed the check of the counts, counted before its password is hashed. */
export interface CountedAttempt {
  /** False when concurrent attempts took this one's turn: refuse it without hashing. */
  mayCheckPassword: boolean;
  /** The counts with this attempt included, as if it fails. */
  counts: SignInFailureCounts;
  /** This attempt started the address's delay (`'delayed'`) or the account's lock (`'locked'`). */
  crossed?: Throttle;
}

/**
 * Refuses the attempt if its email is locked or its (email, address) delayed; otherwise
 * counts it as a failure *before* the slow password check, atomically, so that parallel
 * guesses cannot all pass a count read before any of them is written (issue 13, point 2).
 * Of attempts racing past the check, only those within the free failures, or the first
 * after a wait ended, may check a password; the rest are refused, counted.
 */
export async function admitSignInAttempt(email: string, address: string, now: number): Promise<{ refused: Throttle } | CountedAttempt> {
  const key = throttleKey(email, address);
  const forgetBefore = now - FORGET_FAILURES_AFTER_SECONDS * 1000;
  const seen = remembered(await findSignInFailures(key.email, key.address), forgetBefore);
  const refused = throttleOf(seen, now);
  if (refused) return { refused };
  if (Math.random() * PRUNE_ONE_IN < 1) await deleteSignInFailuresBefore(forgetBefore);
  const counts = await countSignInAttempt(key.email, key.address, now, forgetBefore);
  const inTurn = (n: number, seenBefore: number, free: number) => n <= free || n === seenBefore + 1;
  const mayCheckPassword =
    inTurn(counts.pair.failures, seen.pair.failures, FREE_FAILURES_PER_ADDRESS) && inTurn(counts.account.failures, seen.account.failures, ACCOUNT_FAILURE_CEILING);
  // Exactly one attempt sees each count, so exactly one reports each crossing.
  const crossed =
    counts.account.failures === ACCOUNT_FAILURE_CEILING ? 'locked' : counts.pair.failures === FREE_FAILURES_PER_ADDRESS ? 'delayed' : undefined;
  return { mayCheckPassword, counts, crossed };
}

/** The password was right: forget this address's failures, and take this attempt off the account's count. */
export async function forgetSignInAttempt(email: string, address: string, tx?: Tx): Promise<void> {
  const key = throttleKey(email, address);
  await uncountSignInAttempt(key.email, key.address, tx);
  await forgetSignInFailures(key.email, key.address, tx);
}

/** A password reset lifts every delay and lock of the email (docs/ADMIN.md "Reset password"). */
export async function forgetAllSignInFailures(email: string, tx?: Tx): Promise<void> {
  await forgetSignInFailures(normalizedEmail(email), undefined, tx);
}

/** The password could not be checked (no hash slot): the attempt does not count. */
export async function uncountUncheckedAttempt(email: string, address: string): Promise<void> {
  const key = throttleKey(email, address);
  await uncountSignInAttempt(key.email, key.address);
}

/** The email as failures are keyed: as findUserByEmail compares it. */
export function normalizedEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** About one counted attempt in this many also deletes forgotten rows: the table stays small with no timer. */
const PRUNE_ONE_IN = 200;

function throttleKey(email: string, address: string) {
  // '' is the every-address row (db/queries/sign-in-failures.ts EVERY_ADDRESS).
  return { email: normalizedEmail(email), address: address || 'unknown' };
}

function remembered(counts: SignInFailureCounts, forgetBefore: number): SignInFailureCounts {
  const keep = (row: SignInFailureCounts['pair']) => (row.lastFailedAt < forgetBefore ? { failures: 0, lastFailedAt: 0 } : row);
  return { pair: keep(counts.pair), account: keep(counts.account) };
}
