import 'server-only';
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { signInFailures } from '@/db/schema';

/** The `address` of the row that counts an email's failures from every address. */
const EVERY_ADDRESS = '';

/** Failures so far of one email from one address (`pair`) and from every address (`account`). */
export interface SignInFailureCounts {
  pair: { failures: number; lastFailedAt: number };
  account: { failures: number; lastFailedAt: number };
}

const none = { failures: 0, lastFailedAt: 0 };

/** The failure rows of `email` from `address` and from every address; missing rows count zero. */
export async function findSignInFailures(email: string, address: string, db: DbOrTx = getDb()): Promise<SignInFailureCounts> {
  const rows = await db
    .select({ address: signInFailures.address, failures: signInFailures.failures, lastFailedAt: signInFailures.lastFailedAt })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email), inArray(signInFailures.address, [address, EVERY_ADDRESS])));
  return countsOf(rows, address);
}

/**
 * Counts one more attempt of `email` from `address`, in the pair's row and the email's
 * row for every address, and returns both new counts. One upsert: concurrent attempts,
 * from any instance, each see a different count. A row whose last failure is older than
 * `forgetBefore` starts again from one.
 */
export async function countSignInAttempt(email: string, address: string, now: number, forgetBefore: number, db: DbOrTx = getDb()): Promise<SignInFailureCounts> {
  const rows = await db
    .insert(signInFailures)
    .values([address, EVERY_ADDRESS].map((a) => ({ email, address: a, failures: 1, lastFailedAt: now })))
    .onConflictDoUpdate({
      target: [signInFailures.email, signInFailures.address],
      set: {
        failures: sql`CASE WHEN ${signInFailures.lastFailedAt} < ${forgetBefore} THEN 1 ELSE ${signInFailures.failures} + 1 END`,
        lastFailedAt: now,
      },
    })
    .returning({ address: signInFailures.address, failures: signInFailures.failures, lastFailedAt: signInFailures.lastFailedAt });
  return countsOf(rows, address);
}

/** Takes back an attempt counted by {@link countSignInAttempt} that turned out not to be a failure. */
export async function uncountSignInAttempt(email: string, address: string, db: DbOrTx = getDb()): Promise<void> {
  await db
    .update(signInFailures)
    .set({ failures: sql`${signInFailures.failures} - 1` })
    .where(and(eq(signInFailures.email, email), inArray(signInFailures.address, [address, EVERY_ADDRESS]), gt(signInFailures.failures, 0)));
}

/** Forgets the failures of `email` from `address`, or from everywhere when `address` is omitted. */
export async function forgetSignInFailures(email: string, address?: string, db: DbOrTx = getDb()): Promise<void> {
  const ofEmail = eq(signInFailures.email, email);
  await db.delete(signInFailures).where(address === undefined ? ofEmail : and(ofEmail, eq(signInFailures.address, address)));
}

/** Deletes rows whose last failure is older than `before`. */
export async function deleteSignInFailuresBefore(before: number, db: DbOrTx = getDb()): Promise<void> {
  await db.delete(signInFailures).where(lt(signInFailures.lastFailedAt, before));
}

function countsOf(rows: { address: string; failures: number; lastFailedAt: number }[], address: string): SignInFailureCounts {
  // bigint columns may come back as strings from some drivers; the counts are small numbers.
  const row = (a: string) => {
    const found = rows.find((r) => r.address === a);
    return found ? { failures: Number(found.failures), lastFailedAt: Number(found.lastFailedAt) } : none;
  };
  return { pair: row(address), account: row(EVERY_ADDRESS) };
}
