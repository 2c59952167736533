import 'server-only';
import { z } from 'zod';
import { writeTransaction } from '@/db/client';
import { lockLicenseById } from '@/db/queries/licenses';
import { endActiveSeat, findSeatById } from '@/db/queries/seats';
import type { Seat } from '@/db/schema';
import type { Actor } from '@/lib/core/actor';
import { audit } from '@/db/queries/audit';
import { fail, fieldErrorsOf, type Result } from '@/lib/core/result';
import { formatDay } from '@/lib/licensing/license-usable';
import { emitWebhookEvent } from '@/lib/webhooks/outbox';

export const releaseSeatInput = z.object({
  licenseId: z.string().min(1),
  seatId: z.string().min(1),
  reason: z
    .string()
    .trim()
    .min(3, 'Say why the seat is released, e.g. "laptop stolen" or "mainboard replaced".')
    .max(500, 'Keep the reason under 500 characters.'),
});
export type ReleaseSeatInput = z.input<typeof releaseSeatInput>;

export interface ReleasedSeat {
  seatId: string;
  hostname: string;
  /** The old machine's file keeps working offline until here (DESIGN.md "Support release"). */
  leaseEndsAt: Date;
  graceEndsAt: Date;
  seatsUsed: number;
  seatLimit: number;
}

function alreadyFreeMessage(seat: Seat): string {
  const when = seat.releasedAt ? ` on ${formatDay(seat.releasedAt)}` : '';
  if (seat.status === 'deactivated') return `This seat was already deactivated by its machine${when}. Nothing was changed.`;
  const by = seat.releasedBy ? ` by ${seat.releasedBy}` : '';
  const why = seat.releaseReason ? ` (${seat.releaseReason})` : '';
  return `This seat was already released${when}${by}${why}. Nothing was changed.`;
}

/**
 * Frees the seat of a lost or dead machine at once, so another machine can activate
 * (DESIGN.md "Support release"). The old machine's license file is not revoked: it
 * is offline, so it keeps working until its lease (and then grace) ends; the result
 * carries those dates for the person who released it. One transaction with its audit row.
 *
 * @example
 * const result = await releaseSeat({ licenseId, seatId, reason: 'laptop stolen' }, actor);
 * if (!result.ok && result.code === 'ERR_SEAT_ALREADY_FREE') show(result.message);
 */
export async function releaseSeat(input: ReleaseSeatInput, actor: Actor, now = new Date()): Promise<Result<ReleasedSeat>> {
  const parsed = releaseSeatInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Give a reason for releasing the seat.', fieldErrorsOf(parsed.error));
  const { licenseId, seatId, reason } = parsed.data;
  return writeTransaction(async (tx) => {
    const found = await lockLicenseById(licenseId, tx);
    const seat = found && (await findSeatById(seatId, tx));
    if (!found || !seat || seat.licenseId !== licenseId) {
      return fail('ERR_SEAT_NOT_FOUND', 'This license has no such seat any more. Reload the page.');
    }
    if (!(await endActiveSeat(seat.id, { status: 'released', releasedAt: now, releaseReason: reason, releasedBy: actor.label }, tx))) {
      return fail('ERR_SEAT_ALREADY_FREE', alreadyFreeMessage(seat));
    }
    await audit(
      tx,
      actor,
      'seat.release',
      { type: 'seat', id: seat.id, licenseId },
      {
        reason,
        hostname: seat.hostname,
        fingerprint: seat.fingerprint,
        leaseEndsAt: seat.leaseEndsAt.toISOString(),
        graceEndsAt: seat.graceEndsAt.toISOString(),
      },
      now,
    );
    await emitWebhookEvent(tx, 'seat.released', licenseId, { seat_id: seat.id, license_id: licenseId, product: found.product.slug, hostname: seat.hostname, reason }, now);
    return {
      ok: true as const,
      seatId: seat.id,
      hostname: seat.hostname,
      leaseEndsAt: seat.leaseEndsAt,
      graceEndsAt: seat.graceEndsAt,
      seatsUsed: found.license.seatsActive - 1,
      seatLimit: found.plan.seatLimit,
    };
  });
}
