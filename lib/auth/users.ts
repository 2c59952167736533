import 'server-only';
import crypto from 'node:crypto';
import { writeTransaction, type Tx } from '@/db/client';
import { findUserByEmail, insertUser } from '@/db/queries/users';
import type { UserRole } from '@/lib/core/enums';
import { hashPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/core/actor';
import { audit } from '@/db/queries/audit';
import { fail, type Result } from '@/lib/core/result';

export interface NewUserInput {
  email: string;
  name?: string;
  role: UserRole;
  password: string;
}

/** Creates a staff user with a hashed password; audited. Pass `tx` to make it part of a larger change. */
export async function createUser(input: NewUserInput, actor: Actor, tx?: Tx): Promise<Result<{ id: string }>> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const create = async (tx: Tx): Promise<Result<{ id: string }>> => {
    if (await findUserByEmail(email, tx)) return fail('ERR_CONFLICT', `A user with the email ${email} exists already.`, { email: ['This email is taken.'] });
    const id = crypto.randomUUID();
    await insertUser({ id, email, name: input.name?.trim() ?? '', role: input.role, passwordHash }, tx);
    await audit(tx, actor, 'user.create', { type: 'user', id }, { email, role: input.role });
    return { ok: true as const, id };
  };
  return tx ? create(tx) : writeTransaction(create);
}

