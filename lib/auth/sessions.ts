import 'server-only';
import { updateUser } from '@/db/queries/users';
import type { DbOrTx } from '@/db/client';
import { getDb } from '@/db/client';

/**
 * Ends every session the user has open now (lib/auth/auth.ts checks each request's
 * sign-in time against it). Called on sign-out, disable and password reset.
 */
export function endSessions(userId: string, now = new Date(), db: DbOrTx = getDb()): void {
  updateUser(userId, { sessionsValidAfter: now }, db);
}
