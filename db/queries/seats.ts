import 'server-only';
import { and, asc, count, eq, lte } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { seats, type NewSeat, type Seat } from '@/db/schema';

export function findSeatById(id: string, db: DbOrTx = getDb()): Seat | undefined {
  return db.select().from(seats).where(eq(seats.id, id)).get();
}

/** The live seat this machine holds on the license, if any (at most one: a unique index). */
export function findActiveSeatByFingerprint(licenseId: string, fingerprint: string, db: DbOrTx = getDb()): Seat | undefined {
  return db
    .select()
    .from(seats)
    .where(and(eq(seats.licenseId, licenseId), eq(seats.fingerprint, fingerprint), eq(seats.status, 'active')))
    .get();
}

export function countActiveSeats(licenseId: string, db: DbOrTx = getDb()): number {
  return db.select({ n: count() }).from(seats).where(and(eq(seats.licenseId, licenseId), eq(seats.status, 'active'))).get()?.n ?? 0;
}

/** The active seat whose grace ended longest ago, at `now` (a lapsed seat another machine may take). */
export function findOldestLapsedSeat(licenseId: string, now: Date, db: DbOrTx = getDb()): Seat | undefined {
  return db
    .select()
    .from(seats)
    .where(and(eq(seats.licenseId, licenseId), eq(seats.status, 'active'), lte(seats.graceEndsAt, now)))
    .orderBy(asc(seats.graceEndsAt))
    .get();
}

/** Every seat the license ever had, live ones first, newest first within each status. */
export function listSeatsOfLicense(licenseId: string, db: DbOrTx = getDb()): Seat[] {
  const rows = db.select().from(seats).where(eq(seats.licenseId, licenseId)).all();
  return rows.sort(
    (a, b) => Number(b.status === 'active') - Number(a.status === 'active') || b.activatedAt.getTime() - a.activatedAt.getTime(),
  );
}

export function insertSeat(row: NewSeat, db: DbOrTx = getDb()): void {
  db.insert(seats).values(row).run();
}

export function updateSeat(id: string, patch: Partial<NewSeat>, db: DbOrTx = getDb()): void {
  db.update(seats).set(patch).where(eq(seats.id, id)).run();
}
