import 'server-only';
import { writeTransaction } from '@/db/client';
import { findUserById, updateUser } from '@/db/queries/users';
import { audit } from '@/db/queries/audit';

/**
 * Sign-out: ends every session the user has open (lib/auth/auth.ts refuses a session
 * whose sign-in instant is not after `sessions_valid_after`), so a copied cookie dies
 * too. Audited; Auth.js's sign-out event carries no request, so no client address.
 */
export async function signOutEverywhere(userId: string, now = new Date()): Promise<void> {
  await writeTransaction(async (tx) => {
    const user = await findUserById(userId, tx);
    if (!user) return;
    await updateUser(userId, { sessionsValidAfter: now }, tx);
    await audit(tx, { type: 'user', id: user.id, label: user.email, ip: '' }, 'user.sign_out', { type: 'user', id: user.id }, {}, now);
  });
}
