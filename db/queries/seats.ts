import 'server-only';
import { and, asc, count, desc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { hotQuery } from '@/db/prepared';
import { recordSeatChange } from '@/db/queries/seat-counts';
import { licenses, seats, type NewSeat, type Seat } from '@/db/schema';

export async function findSeatById(id: string, db: DbOrTx = getDb()): Promise<Seat | undefined> {
  const [row] = await db.select().from(seats).where(eq(seats.id, id));
  return row;
}

/**
 * `status = 'active'` written into the statement, not bound: SQLite picks the partial
 * index seats_active_fingerprint_unique only by looking at the value, and a statement
 * planned with a bound value is planned again every time it is bound (db/prepared.ts).
 */
const ACTIVE = sql`'active'`;

const selectActiveSeat = hotQuery('find_active_seat_by_fingerprint', (db) =>
  db
    .select()
    .from(seats)
    .where(and(eq(seats.licenseId, sql.placeholder('licenseId')), eq(seats.fingerprint, sql.placeholder('fingerprint')), eq(seats.status, ACTIVE))),
);

/** The live seat this machine holds on the license, if any (at most one: a unique index). */
export async function findActiveSeatByFingerprint(licenseId: string, fingerprint: string, db: DbOrTx = getDb()): Promise<Seat | undefined> {
  const [row] = await selectActiveSeat(db, { licenseId, fingerprint });
  return row;
}

/**
 * The seats recorded under a fingerprint on any license, the live one first, then newest:
 * how a deactivation code, which names its device key and no seat, finds its seat.
 */
export async function findSeatsByFingerprint(fingerprint: string, db: DbOrTx = getDb()): Promise<Seat[]> {
  return db
    .select()
    .from(seats)
    .where(eq(seats.fingerprint, fingerprint))
    .orderBy(sql`case when ${seats.status} = 'active' then 0 else 1 end`, desc(seats.activatedAt))
    .limit(20);
}

// No LIMIT: drizzle binds it, and a bound LIMIT makes SQLite plan the statement again on
// every run (db/prepared.ts). A device key holds one live seat per license, rarely two.
const selectActiveSeatByThumbprint = hotQuery('find_active_seat_by_thumbprint', (db) =>
  db
    .select()
    .from(seats)
    .where(and(eq(seats.licenseId, sql.placeholder('licenseId')), eq(seats.deviceThumbprint, sql.placeholder('deviceThumbprint')), eq(seats.status, ACTIVE)))
    .orderBy(desc(seats.activatedAt)),
);

/** The live seat of this installation (its device key) on the license, whatever its fingerprint now. */
export async function findActiveSeatByDeviceThumbprint(licenseId: string, deviceThumbprint: string, db: DbOrTx = getDb()): Promise<Seat | undefined> {
  const [row] = await selectActiveSeatByThumbprint(db, { licenseId, deviceThumbprint });
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
  // Ids first, from the (license, status, activated_at, id) index alone, however deep the
  // page; then only the page's rows.
  const liveIds = await db
    .select({ id: seats.id })
    .from(seats)
    .where(and(eq(seats.licenseId, licenseId), eq(seats.status, 'active')))
    .orderBy(desc(seats.activatedAt), desc(seats.id))
    .limit(page.limit)
    .offset(page.offset);
  let ids = liveIds.map((row) => row.id);
  if (ids.length < page.limit) {
    const liveTotal = ids.length > 0 ? page.offset + ids.length : await countActiveSeats(licenseId, db);
    const freedIds = await db
      .select({ id: seats.id })
      .from(seats)
      .where(and(eq(seats.licenseId, licenseId), ne(seats.status, 'active')))
      .orderBy(desc(seats.activatedAt), desc(seats.id))
      .limit(page.limit - ids.length)
      .offset(Math.max(0, page.offset - liveTotal));
    ids = [...ids, ...freedIds.map((row) => row.id)];
  }
  if (ids.length === 0) return [];
  const rows = await db.select().from(seats).where(inArray(seats.id, ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

type NewActiveSeat = Omit<NewSeat, 'status' | 'releasedAt' | 'releaseReason' | 'releasedBy'> & { status: 'active' };
const DEVICE_DEFAULTS = { hostname: '', os: '', appVersion: '' };
const ACTIVE_SEAT_COLUMNS = ['id', 'licenseId', 'fingerprint', 'devicePublicJwk', 'deviceThumbprint', 'hostname', 'os', 'appVersion', 'status', 'activatedAt', 'lastIssuedAt', 'leaseEndsAt', 'graceEndsAt'] as const;

const insertSeatRow = hotQuery('insert_active_seat', (db) =>
  db.insert(seats).values(Object.fromEntries(ACTIVE_SEAT_COLUMNS.map((column) => [column, sql.placeholder(column)])) as unknown as NewSeat),
);
const countSeatTaken = hotQuery('count_seat_taken', (db) =>
  db
    .update(licenses)
    .set({ seatsActive: sql`${licenses.seatsActive} + 1` })
    .where(eq(licenses.id, sql.placeholder('licenseId'))),
);

/** Takes a seat: the row, the license's live-seat count and the day's counter, in one transaction. */
export async function insertActiveSeat(row: NewActiveSeat, tx: Tx): Promise<void> {
  const full = { ...DEVICE_DEFAULTS, ...row };
  await insertSeatRow(tx, Object.fromEntries(ACTIVE_SEAT_COLUMNS.map((column) => [column, full[column]])));
  await countSeatTaken(tx, { licenseId: row.licenseId });
  await recordSeatChange('activated', row.activatedAt, tx);
}

/** A new lease (or device details) for a seat; never its status (see {@link endActiveSeat}). */
export async function updateSeatLease(
  id: string,
  patch: Partial<Pick<NewSeat, 'fingerprint' | 'devicePublicJwk' | 'deviceThumbprint' | 'hostname' | 'os' | 'appVersion' | 'lastIssuedAt' | 'leaseEndsAt' | 'graceEndsAt'>>,
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
