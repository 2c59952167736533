import 'server-only';
import { asc, count, eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { users, type NewUser, type User } from '@/db/schema';

export function countUsers(db: DbOrTx = getDb()): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

export function findUserByEmail(email: string, db: DbOrTx = getDb()): User | undefined {
  return db.select().from(users).where(eq(sql`lower(${users.email})`, email.trim().toLowerCase())).get();
}

export function findUserById(id: string, db: DbOrTx = getDb()): User | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function listUsers(db: DbOrTx = getDb()): User[] {
  return db.select().from(users).orderBy(asc(users.email)).all();
}

export function insertUser(row: NewUser, db: DbOrTx = getDb()): void {
  db.insert(users).values(row).run();
}

export function updateUser(id: string, patch: Partial<NewUser>, db: DbOrTx = getDb()): void {
  db.update(users).set({ ...patch, updatedAt: new Date() }).where(eq(users.id, id)).run();
}
