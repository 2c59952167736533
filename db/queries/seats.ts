import 'server-only';
import { and, asc, count, desc, eq, lte, ne, sql } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { recordSeatChange } from '@/db/queries/seat-counts';
import { licenses, seats, type NewSeat, type Seat } from '@/db/schema';

export async function findSeatById(id: string, db: DbOrTx = getDb()): Promise<Seat | undefined> {
  const [row] = await db.select().from(seats).where(eq(seats.id, id));
  return row;
}

/** The live seat this machine holds on the license, if any (at most one: a unique index). */
export async function findActiveSeatByFingerprint(licenseId: string, fingerprint: string, db: DbOrTx = getDb()): Promise<Seat | undefined> {
  const [row] = await db
    .select()
    .from(seats)
    .where(and(eq(seats.licenseId, licenseId), eq(seats.fingerprint, fingerprint), eq(seats.status, 'active')));
  return row;
}

/** Seat rows with status `active`, counted (licenses.seats_active keeps the same figure without counting). */
export async function countActiveSeats(licenseId: string, db: DbOrTx = getDb()): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(seats)
    .where(and(eq(seats.licenseId, licenseId), eq(seats.status, 'active')));
  return row?.n ?? 0;
}

/** Every seat the license ever had, counted. */
export async function countSeatsOfLicense(licenseId: string, db: DbOrTx = getDb()): Promise<number> {
  const [row] = await db.select({ n: count() }).from(seats).where(eq(seats.licenseId, licenseId));
  return row?.n ?? 0;
}

/** The active seat whose grace ended longest ago, at `now` (a lapsed seat another machine may take). */
export async function findOldestLapsedSeat(licenseId: string, now: Date, db: DbOrTx = getDb()): Promise<Seat | undefined> {
  const [row] = await db
    .select()
    .from(seats)
    .where(and(eq(seats.licenseId, licenseId), eq(seats.status, 'active'), lte(seats.graceEndsAt, now)))
    .orderBy(asc(seats.graceEndsAt))
    .limit(1);
  return row;
}

/**
 * One page of the seats a license ever had, live ones first, newest first within each
 * part. A license may have tens of thousands: the live part is read in index order
 * (license, status, activated_at), so a page costs the same wherever it falls.
 */
export async function listSeatsOfLicense(licenseId: string, page: { limit: number; offset: number }, db: DbOrTx = getDb()): Promise<Seat[]> {
  const live = await db
    .select()
    .from(seats)
    .where(and(eq(seats.licenseId, licenseId), eq(seats.status, 'active')))
    .orderBy(desc(seats.activatedAt), desc(seats.id))
    .limit(page.limit)
    .offset(page.offset);
  if (live.length === page.limit) return live;
  const liveTotal = live.length > 0 ? page.offset + live.length : await countActiveSeats(licenseId, db);
  const freed = await db
    .select()
    .from(seats)
    .where(and(eq(seats.licenseId, licenseId), ne(seats.status, 'active')))
    .orderBy(desc(seats.activatedAt), desc(seats.id))
    .limit(page.limit - live.length)
    .offset(Math.max(0, page.offset - liveTotal));
  return [...live, ...freed];
}

/** Takes a seat: the row, the license's live-seat count and the day's counter, in one transaction. */
export async function insertActiveSeat(row: NewSeat & { status: 'active' }, tx: Tx): Promise<void> {
  await tx.insert(seats).values(row);
  await tx
    .update(licenses)
    .set({ seatsActive: sql`${licenses.seatsActive} + 1` })
    .where(eq(licenses.id, row.licenseId));
  await recordSeatChange('activated', row.activatedAt, tx);
}

/** A new lease (or device details) for a seat; never its status (see {@link endActiveSeat}). */
export async function updateSeatLease(
  id: string,
  patch: Partial<Pick<NewSeat, 'devicePublicJwk' | 'deviceThumbprint' | 'hostname' | 'os' | 'appVersion' | 'lastIssuedAt' | 'leaseEndsAt' | 'graceEndsAt'>>,
  db: DbOrTx = getDb(),
): Promise<void> {
  await db.update(seats).set(patch).where(eq(seats.id, id));
}

/**
 * Ends a seat that is still active (released by support or taken over, or deactivated by
 * its device); returns whether it changed. The status condition makes a second release,
 * or a release racing a deactivation, a no-op instead of overwriting who freed the seat
 * and why. The license's live-seat count and the day's counter move with it.
 */
export async function endActiveSeat(
  id: string,
  end: { status: 'released' | 'deactivated'; releasedAt: Date; releaseReason: string; releasedBy: string },
  tx: Tx,
): Promise<boolean> {
  const ended = await tx
    .update(seats)
    .set(end)
    .where(and(eq(seats.id, id), eq(seats.status, 'active')))
    .returning({ licenseId: seats.licenseId });
  const [seat] = ended;
  if (!seat) return false;
  await tx
    .update(licenses)
    .set({ seatsActive: sql`${licenses.seatsActive} - 1` })
    .where(eq(licenses.id, seat.licenseId));
  await recordSeatChange(end.status === 'deactivated' ? 'deactivated' : 'released', end.releasedAt, tx);
  return true;
}
