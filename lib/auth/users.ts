import 'server-only';
import crypto from 'node:crypto';
import { writeTransaction } from '@/db/client';
import { findUserByEmail, insertUser, updateUser } from '@/db/queries/users';
import type { UserRole } from '@/db/schema';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import { SYSTEM_ACTOR, type Actor } from '@/lib/licensing/actor';
import { audit } from '@/lib/licensing/audit';
import { fail, type Result } from '@/lib/licensing/errors';

export interface NewUserInput {
  email: string;
  name?: string;
  role: UserRole;
  password: string;
}

/** Creates a staff user with a hashed password; audited. */
export async function createUser(input: NewUserInput, actor: Actor): Promise<Result<{ id: string }>> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return writeTransaction((tx) => {
    if (findUserByEmail(email, tx)) return fail('ERR_CONFLICT', `A user with the email ${email} exists already.`, { email: ['This email is taken.'] });
    const id = crypto.randomUUID();
    insertUser({ id, email, name: input.name?.trim() ?? '', role: input.role, passwordHash }, tx);
    audit(tx, actor, 'user.create', { type: 'user', id }, { email, role: input.role });
    return { ok: true as const, id };
  });
}

/** Console recovery: a new generated password, unlocked and enabled (scripts/reset-password.ts). */
export async function resetPasswordFromConsole(email: string): Promise<Result<{ password: string }>> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return writeTransaction((tx) => {
    const user = findUserByEmail(email, tx);
    if (!user) return fail('ERR_NOT_FOUND', `No staff account has the email ${email}. Check the spelling, or look at the users in the admin area.`);
    updateUser(user.id, { passwordHash, failedLogins: 0, lockedUntil: null, disabledAt: null }, tx);
    audit(tx, SYSTEM_ACTOR, 'user.reset_password', { type: 'user', id: user.id }, { email: user.email, via: 'console' });
    return { ok: true as const, password };
  });
}
