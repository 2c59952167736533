import 'server-only';
import { z } from 'zod';
import { writeTransaction, type Tx } from '@/db/client';
import { countEnabledAdmins } from '@/db/queries/staff-users';
import { findUserById, listUsers, updateUser } from '@/db/queries/users';
import type { User } from '@/db/schema';
import { USER_ROLES, type UserRole } from '@/lib/core/enums';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import { forgetAllSignInFailures } from '@/lib/auth/sign-in-throttle';
import { createUser } from '@/lib/auth/users';
import type { Actor } from '@/lib/core/actor';
import { audit } from '@/db/queries/audit';
import { fieldErrorsOf } from '@/lib/core/result';
import { fail, type Failure, type Result } from '@/lib/core/result';

/** The roles a staff user can hold, for the forms' validation. */
export { USER_ROLES, type UserRole };

/** The columns the users page sorts by. */
const STAFF_SORT_KEYS = ['email', 'role', 'status', 'last-sign-in'] as const;
export interface StaffOrder {
  key: (typeof STAFF_SORT_KEYS)[number];
  direction: 'asc' | 'desc';
}

const staffSortKey = z.enum(STAFF_SORT_KEYS).catch('email');
const staffSortDirection = z.enum(['asc', 'desc']).optional().catch(undefined);

/** The order of the users page from `?sort=&dir=`: by email when none (or nonsense) is given; sign-ins newest first. */
export function staffOrderOf(sort: string | undefined, direction: string | undefined): StaffOrder {
  const key = sort ? staffSortKey.parse(sort) : 'email';
  return { key, direction: staffSortDirection.parse(direction) ?? (key === 'last-sign-in' ? 'desc' : 'asc') };
}

const STAFF_SORT_VALUES: Record<StaffOrder['key'], (user: User) => string | number> = {
  email: (user) => user.email.toLowerCase(),
  role: (user) => user.role,
  status: (user) => (user.disabledAt ? 'disabled' : 'enabled'),
  // Never signed in sorts as the oldest.
  'last-sign-in': (user) => user.lastLoginAt?.getTime() ?? -Infinity,
};

/**
 * Every staff user for the users page, in `order` (ties by email). Staff are a handful of
 * people, so the list is one page sorted here rather than paged by the database.
 *
 * @example
 * const users = await staffUsersPage(staffOrderOf('role', 'asc'));
 */
export async function staffUsersPage(order: StaffOrder = { key: 'email', direction: 'asc' }): Promise<User[]> {
  const valueOf = STAFF_SORT_VALUES[order.key];
  const sign = order.direction === 'asc' ? 1 : -1;
  return (await listUsers()).sort((a, b) => {
    const [x, y] = [valueOf(a), valueOf(b)];
    if (x !== y) return x < y ? -sign : sign;
    return a.email < b.email ? -1 : a.email > b.email ? 1 : 0;
  });
}

export const newStaffInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.')),
  name: z.string().trim().max(120, 'Keep the name under 120 characters.').default(''),
  role: z.enum(USER_ROLES, { error: 'Choose a role.' }),
});

/**
 * Creates a staff user with a generated password, returned this once so the admin can
 * hand it over. Gatepass sends no e-mail, so admins never choose passwords for others:
 * generated ones are long and random (~100 bits).
 */
export async function createStaffUser(input: z.input<typeof newStaffInput>, actor: Actor): Promise<Result<{ id: string; email: string; password: string }>> {
  const parsed = newStaffInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Check the highlighted fields.', fieldErrorsOf(parsed.error));
  const password = generatePassword();
  const created = await createUser({ ...parsed.data, password }, actor);
  if (!created.ok) return created;
  return { ok: true, id: created.id, email: parsed.data.email, password };
}

type UserChange = Result<{ userId: string }>;

/** The rules every change to another account meets: it exists, it is not you, one admin stays. */
async function guard(userId: string, actor: Actor, wouldRemoveAdmin: (user: User) => boolean, tx: Tx): Promise<User | Failure> {
  const user = await findUserById(userId, tx);
  if (!user) return fail('ERR_NOT_FOUND', 'That user does not exist any more. Reload the page.');
  if (user.id === actor.id) return fail('ERR_CONFLICT', 'You cannot change your own role or access. Ask another admin.');
  if (wouldRemoveAdmin(user) && (await countEnabledAdmins(tx)) <= 1) {
    return fail('ERR_CONFLICT', 'This is the last admin who can sign in. Make another user an admin first.');
  }
  return user;
}

export async function changeUserRole(userId: string, role: UserRole, actor: Actor): Promise<UserChange> {
  return writeTransaction(async (tx) => {
    const user = await guard(userId, actor, (u) => u.role === 'admin' && role !== 'admin' && !u.disabledAt, tx);
    if ('ok' in user) return user;
    if (user.role === role) return fail('ERR_CONFLICT', `${user.email} is ${role} already.`);
    await updateUser(userId, { role }, tx);
    await audit(tx, actor, 'user.change_role', { type: 'user', id: userId }, { email: user.email, from: user.role, to: role });
    return { ok: true as const, userId };
  });
}

/** Disables or enables sign-in. Disabling ends the user's sessions for good: enabling again does not revive them. */
export async function setUserDisabled(userId: string, disabled: boolean, actor: Actor, now = new Date()): Promise<UserChange> {
  return writeTransaction(async (tx) => {
    const user = await guard(userId, actor, (u) => disabled && u.role === 'admin' && !u.disabledAt, tx);
    if ('ok' in user) return user;
    if (Boolean(user.disabledAt) === disabled) return fail('ERR_CONFLICT', `${user.email} is ${disabled ? 'disabled' : 'enabled'} already.`);
    await updateUser(userId, { disabledAt: disabled ? now : null, ...(disabled ? { sessionsValidAfter: now } : {}) }, tx);
    await audit(tx, actor, disabled ? 'user.disable' : 'user.enable', { type: 'user', id: userId }, { email: user.email }, now);
    return { ok: true as const, userId };
  });
}

/**
 * Sets a new generated password (shown once), lifts any lockout and ends every session
 * opened with the old one. `enable` also re-enables a disabled account (console recovery).
 */
export async function resetUserPassword(
  userId: string,
  actor: Actor,
  options: { enable?: boolean } = {},
): Promise<Result<{ userId: string; email: string; password: string }>> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return writeTransaction(async (tx) => {
    const user = await findUserById(userId, tx);
    if (!user) return fail('ERR_NOT_FOUND', 'That user does not exist any more. Reload the page.');
    const now = new Date();
    await updateUser(userId, { passwordHash, failedLogins: 0, lockedUntil: null, sessionsValidAfter: now, ...(options.enable ? { disabledAt: null } : {}) }, tx);
    await forgetAllSignInFailures(user.email, tx);
    await audit(tx, actor, 'user.reset_password', { type: 'user', id: userId }, { email: user.email, ...(options.enable ? { enabled: true } : {}) }, now);
    return { ok: true as const, userId, email: user.email, password };
  });
}
