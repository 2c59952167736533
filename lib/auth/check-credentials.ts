import 'server-only';
import { writeTransaction } from '@/db/client';
import { findUserByEmail, updateUser } from '@/db/queries/users';
import type { UserRole } from '@/lib/core/enums';
import { verifyPassword } from '@/lib/auth/password';
import { audit } from '@/db/queries/audit';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_SECONDS = 15 * 60;

export type SignInFailure = 'invalid' | 'locked' | 'disabled' | 'throttled' | 'busy';

export const SIGN_IN_MESSAGES: Record<SignInFailure, string> = {
  invalid: 'The email or password is wrong. Check both and try again.',
  locked: `Too many failed sign-ins: this account is locked for ${LOCKOUT_SECONDS / 60} minutes. Try again later, or ask an admin to reset your password.`,
  disabled: 'This account is disabled. Ask an admin of your Gatepass portal to enable it.',
  throttled: 'Too many sign-in attempts from your address. Wait a minute, then try again.',
  busy: 'Too many sign-in attempts at once. Wait a few seconds, then try again.',
};

export type CheckedUser = { id: string; email: string; name: string; role: UserRole };

/**
 * Verifies a staff sign-in. After {@link MAX_FAILED_SIGN_INS} wrong passwords in a row
 * the account is locked for {@link LOCKOUT_SECONDS}; while locked, even the right
 * password is refused, so guessing gains nothing.
 */
export async function checkCredentials(
  email: string,
  password: string,
  ip: string,
  now = new Date(),
): Promise<{ ok: true; user: CheckedUser } | { ok: false; failure: SignInFailure }> {
  const user = await findUserByEmail(email);
  if (!user) {
    // Spend the same time as a real check, so response time does not reveal which emails exist.
    await verifyPassword(password, DUMMY_HASH);
    return { ok: false, failure: 'invalid' };
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) return { ok: false, failure: 'locked' };
  const matches = await verifyPassword(password, user.passwordHash);
  const actor = { type: 'user' as const, id: user.id, label: user.email, ip };
  if (!matches) {
    const failures = user.failedLogins + 1;
    const locks = failures >= MAX_FAILED_SIGN_INS;
    await writeTransaction(async (tx) => {
      await updateUser(user.id, { failedLogins: locks ? 0 : failures, lockedUntil: locks ? new Date(now.getTime() + LOCKOUT_SECONDS * 1000) : user.lockedUntil }, tx);
      if (locks) await audit(tx, actor, 'user.lock', { type: 'user', id: user.id }, { failedSignIns: failures, lockedForSeconds: LOCKOUT_SECONDS }, now);
    });
    return { ok: false, failure: locks ? 'locked' : 'invalid' };
  }
  if (user.disabledAt) return { ok: false, failure: 'disabled' };
  await writeTransaction(async (tx) => {
    await updateUser(user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now }, tx);
    await audit(tx, actor, 'user.sign_in', { type: 'user', id: user.id }, {}, now);
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

// A valid hash of a random password with the same cost as real ones.
const DUMMY_HASH = 'scrypt$131072$8$1$3q2-7wAAAAAAAAAAAAAAAA$y6xNqvlZKZGgGJOgA7Tn3fI7h2ugH9i9t9q0dXcNvL8';
