import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { users } from '@/db/schema';

/** Admins who can still sign in: the portal must always keep at least one. */
export async function countEnabledAdmins(db: DbOrTx = getDb()): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)));
  return row?.n ?? 0;
}
