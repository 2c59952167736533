import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { users } from '@/db/schema';

/** Admins who can still sign in: the portal must always keep at least one. */
export function countEnabledAdmins(db: DbOrTx = getDb()): number {
  return db.select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), isNull(users.disabledAt))).get()?.n ?? 0;
}
