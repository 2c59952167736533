import 'server-only';
import { writeTransaction, type Tx } from '@/db/client';
import { lockLicenseById, lockLicenseByKeyHash, type LicenseWithPlan } from '@/db/queries/licenses';
import { findSeatById, updateSeatLease } from '@/db/queries/seats';
import type { Seat } from '@/db/schema';
import type { LicenseFileKind } from '@/lib/core/enums';
import type { Actor } from '@/lib/core/actor';
import { audit } from '@/db/queries/audit';
import { fail, type Result } from '@/lib/core/result';
import { prepareLicenseFile, recordLicenseFile, signDraft, type IssuedLicenseFile, type PreparedLicenseFile } from '@/lib/licensing/issued-license-file';
import { leaseTerms } from '@/lib/licensing/lease-terms';
import { hashLicenseKey } from '@/lib/licensing/license-key';
import { formatDay, licenseUnusableFailure } from '@/lib/licensing/license-usable';
import { emitWebhookEvent } from '@/lib/webhooks/outbox';
import { blockedDeviceFailure } from '@/lib/licensing/block-device';

export const LICENSE_KEY_NOT_FOUND_MESSAGE =
  'No license matches this key. Check it against your purchase email (keys look like 7KQ2M-4D8XR-…), then try again.';

const SEAT_NOT_FOUND_MESSAGE = 'This license has no such seat. Reload the list of seats and choose one of them.';

export interface RefreshSeatInput {
  licenseKey: string;
  seatId: string;
}

/**
 * Issues a new license file with a new lease for a seat of the license the key opens
 * (DESIGN.md "Refresh"): when the seat is active, or when its lease lapsed and no other
 * machine took it. What an end user does on the Refresh page and `POST /api/v1/refresh`.
 *
 * @example
 * const result = await refreshSeat({ licenseKey, seatId }, endUserActor('API', ip));
 */
export async function refreshSeat(input: RefreshSeatInput, actor: Actor, now = new Date()): Promise<Result<IssuedLicenseFile>> {
  const keyHash = hashLicenseKey(input.licenseKey);
  return renew(actor, now, 'refresh', async (tx) => {
    const found = await lockLicenseByKeyHash(keyHash, tx);
    if (!found) return fail('ERR_LICENSE_NOT_FOUND', LICENSE_KEY_NOT_FOUND_MESSAGE);
    const seat = await findSeatById(input.seatId, tx);
    if (!seat || seat.licenseId !== found.license.id) return fail('ERR_SEAT_NOT_FOUND', SEAT_NOT_FOUND_MESSAGE);
    return { ok: true as const, found, seat };
  });
}

/**
 * Re-issues a license file for a seat by its id, as support staff do for a customer
 * who lost theirs (the same rules as {@link refreshSeat}; the file is recorded as `reissue`).
 *
 * @example
 * const result = await reissueSeat(seatId, staffActor);
 */
export async function reissueSeat(seatId: string, actor: Actor, now = new Date()): Promise<Result<IssuedLicenseFile>> {
  return renew(actor, now, 'reissue', async (tx) => {
    const claimed = await findSeatById(seatId, tx);
    const found = claimed && (await lockLicenseById(claimed.licenseId, tx));
    const seat = found && (await findSeatById(seatId, tx));
    if (!seat || !found) return fail('ERR_SEAT_NOT_FOUND', 'That seat does not exist any more. Reload the page.');
    return { ok: true as const, found, seat };
  });
}

type Located = Result<{ found: LicenseWithPlan; seat: Seat }>;

/** Renews a seat's lease with the license locked (a release on another instance waits, or is seen). */
async function renew(actor: Actor, now: Date, kind: LicenseFileKind, locate: (tx: Tx) => Promise<Located>): Promise<Result<IssuedLicenseFile>> {
  const prepared: PreparedLicenseFile = await prepareLicenseFile();
  const outcome = await writeTransaction(async (tx) => {
    const located = await locate(tx);
    if (!located.ok) return located;
    const { found, seat } = located;
    const refusal = licenseUnusableFailure(found, now) ?? (await blockedDeviceFailure(tx, found, seat, actor, kind, now)) ?? seatNotRefreshableFailure(seat);
    if (refusal) return refusal;
    const terms = leaseTerms({ now, plan: found.plan, licenseExpiresAt: found.license.expiresAt });
    const lease = { lastIssuedAt: terms.issuedAt, leaseEndsAt: terms.leaseEndsAt, graceEndsAt: terms.graceEndsAt };
    await updateSeatLease(seat.id, lease, tx);
    const draft = await recordLicenseFile(tx, {
      prepared,
      kind,
      found,
      seat: { ...seat, ...lease },
      terms,
      seatsUsed: found.license.seatsActive,
      actor,
    });
    await audit(
      tx,
      actor,
      kind === 'reissue' ? 'seat.reissue' : 'seat.refresh',
      { type: 'seat', id: seat.id, licenseId: found.license.id },
      { hostname: seat.hostname, file: prepared.jti, leaseEndsAt: terms.leaseEndsAt.toISOString(), lapsed: seat.graceEndsAt.getTime() <= now.getTime() },
      now,
    );
    await emitWebhookEvent(tx, 'seat.refreshed', found.license.id, { seat_id: seat.id, license_id: found.license.id, product: found.product.slug, hostname: seat.hostname, lease_end: terms.leaseEndsAt.toISOString() }, now);
    return { ok: true as const, draft };
  });
  if (!outcome.ok) return outcome;
  return { ok: true, ...(await signDraft(outcome.draft, prepared)) };
}

/** Why a seat that was freed cannot be renewed, or null for a live seat; worded once for every surface. */
export function seatNotRefreshableFailure(seat: Seat) {
  if (seat.status === 'active') return null;
  const when = seat.releasedAt ? ` on ${formatDay(seat.releasedAt)}` : '';
  const what = seat.status === 'deactivated' ? `was deactivated${when}` : `was released${when}`;
  return fail(
    'ERR_SEAT_NOT_REFRESHABLE',
    `This seat ${what}, so it cannot be refreshed. Activate the machine again with a new activation request.`,
  );
}
