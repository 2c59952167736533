import 'server-only';
import { writeTransaction } from '@/db/client';
import { findUserByEmail, updateUser } from '@/db/queries/users';
import type { User } from '@/db/schema';
import type { Actor } from '@/lib/core/actor';
import type { UserRole } from '@/lib/core/enums';
import { PasswordHashingBusyError, verifyPassword } from '@/lib/auth/password';
import {
  admitSignInAttempt,
  delayAfterFailures,
  forgetSignInAttempt,
  LOCKOUT_SECONDS,
  normalizedEmail,
  throttleOf,
  uncountUncheckedAttempt,
  type CountedAttempt,
} from '@/lib/auth/sign-in-throttle';
import { audit } from '@/db/queries/audit';

export type SignInFailure = 'invalid' | 'delayed' | 'locked' | 'disabled' | 'throttled' | 'busy';

export const SIGN_IN_MESSAGES: Record<SignInFailure, string> = {
  invalid: 'The email or password is wrong. Check both and try again.',
  delayed: 'Too many wrong passwords for this email from your address. Wait a few minutes before trying again; if you forgot your password, ask an admin to reset it.',
  locked: `Too many failed sign-ins for this email: it is locked for ${LOCKOUT_SECONDS / 60} minutes. Try again later, or ask an admin to reset your password.`,
  disabled: 'This account is disabled. Ask an admin of your Gatepass portal to enable it.',
  throttled: 'Too many sign-in attempts from your address. Wait a minute, then try again.',
  busy: 'Too many sign-in attempts at once. Wait a few seconds, then try again.',
};

export type CheckedUser = { id: string; email: string; name: string; role: UserRole };

/**
 * Verifies a staff sign-in, throttled per email and client address and per email across
 * addresses (lib/auth/sign-in-throttle.ts). Every refusal reads the same for an email no
 * user has as for a wrong password, and costs the same time. While a throttle holds, even
 * the right password is refused, so guessing gains nothing.
 *
 * @throws PasswordHashingBusyError when no hash slot is free (the attempt is not counted).
 */
export async function checkCredentials(
  email: string,
  password: string,
  ip: string,
  now = new Date(),
): Promise<{ ok: true; user: CheckedUser } | { ok: false; failure: SignInFailure }> {
  const attempt = await admitSignInAttempt(email, ip, now.getTime());
  if ('refused' in attempt) return { ok: false, failure: attempt.refused };
  const user = await findUserByEmail(email);
  const actor: Actor = { type: 'user', id: user?.id, label: user?.email ?? normalizedEmail(email), ip };
  if (!attempt.mayCheckPassword) return failed(attempt, user, actor, now);
  let matches: boolean;
  try {
    // An unknown email is checked against a dummy hash: the same time, the same answer.
    matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  } catch (error) {
    if (error instanceof PasswordHashingBusyError) await uncountUncheckedAttempt(email, ip);
    throw error;
  }
  if (!user || !matches) return failed(attempt, user, actor, now);
  await writeTransaction(async (tx) => {
    await forgetSignInAttempt(email, ip, tx);
    if (user.disabledAt) return;
    await updateUser(user.id, { lockedUntil: null, lastLoginAt: now }, tx);
    await audit(tx, actor, 'user.sign_in', { type: 'user', id: user.id }, {}, now);
  });
  if (user.disabledAt) return { ok: false, failure: 'disabled' };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

/**
 * A counted failure: the answer its counts call for, and an audit row when it started a
 * delay or a lock. The users page shows an account lock (`locked_until`).
 */
async function failed(attempt: CountedAttempt, user: User | undefined, actor: Actor, now: Date): Promise<{ ok: false; failure: SignInFailure }> {
  const { counts, crossed } = attempt;
  const throttle = throttleOf(counts, now.getTime());
  if (throttle === 'locked' || crossed) {
    await writeTransaction(async (tx) => {
      if (user && throttle === 'locked') await updateUser(user.id, { lockedUntil: new Date(now.getTime() + LOCKOUT_SECONDS * 1000) }, tx);
      const target = { type: 'user', id: user?.id ?? null };
      if (crossed === 'locked') {
        await audit(tx, actor, 'user.lock', target, { email: actor.label, failedSignIns: counts.account.failures, lockedForSeconds: LOCKOUT_SECONDS, from: 'every address' }, now);
      } else if (crossed === 'delayed') {
        const waitSeconds = delayAfterFailures(counts.pair.failures);
        await audit(tx, actor, 'user.sign_in_delay', target, { email: actor.label, failedSignIns: counts.pair.failures, waitSeconds, from: actor.ip }, now);
      }
    });
  }
  return { ok: false, failure: throttle ?? 'invalid' };
}

// A valid hash of a random password with the same cost as real ones.
const DUMMY_HASH = 'scrypt$131072$8$1$3q2-7wAAAAAAAAAAAAAAAA$y6xNqvlZKZGgGJOgA7Tn3fI7h2ugH9i9t9q0dXcNvL8';
