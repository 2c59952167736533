import 'server-only';
import { asc, count, eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { users, type NewUser, type User } from '@/db/schema';

export async function countUsers(db: DbOrTx = getDb()): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export async function findUserByEmail(email: string, db: DbOrTx = getDb()): Promise<User | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return row;
}

export async function findUserById(id: string, db: DbOrTx = getDb()): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function listUsers(db: DbOrTx = getDb()): Promise<User[]> {
  return db.select().from(users).orderBy(asc(users.email));
}

export async function insertUser(row: NewUser, db: DbOrTx = getDb()): Promise<void> {
  await db.insert(users).values(row);
}

export async function updateUser(id: string, patch: Partial<NewUser>, db: DbOrTx = getDb()): Promise<void> {
  await db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id));
}
