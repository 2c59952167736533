import 'server-only';
import crypto from 'node:crypto';
import { lockLicenseById } from '@/db/queries/licenses';
import { claimNonce, findUsedNonce } from '@/db/queries/nonces';
import { endActiveSeat, findSeatById } from '@/db/queries/seats';
import { insertUsageRecord } from '@/db/queries/usage';
import { requestDecryptionKeys } from '@/lib/instance/keys';
import type { Actor } from '@/lib/core/actor';
import { RECLAIMED_REASON } from '@/lib/licensing/activate';
import { audit } from '@/db/queries/audit';
import { fail, type Result } from '@/lib/core/result';
import { seatsFreeSentence } from '@/lib/core/license-words';
import { rollBackWith, transactionResult } from '@/lib/licensing/transaction-result';
import { formatDay } from '@/lib/licensing/license-usable';
import { failureFromProtocolError } from '@/lib/licensing/protocol-failure';
import { openDeactivation, type DeactivationClaims, type OpenedDeviceArtifact } from '@/lib/protocol';
import { emitWebhookEvent } from '@/lib/webhooks/outbox';

export interface DeactivateInput {
  /** The uploaded deactivation file, armored text or its bytes. */
  deactivationText?: string | Uint8Array;
  /** A deactivation code already read and its proof checked (lib/licensing/activation-codes.ts), instead of a file. */
  opened?: OpenedDeviceArtifact<DeactivationClaims>;
  actor: Actor;
  now?: Date;
}

export interface Deactivation {
  seatId: string;
  licenseId: string;
  product: { slug: string; name: string };
  hostname: string;
  /** True when the seat was already free: nothing changed. */
  alreadyDeactivated: boolean;
  /** One sentence for the person: what happened, or that nothing changed. */
  message: string;
  seatsUsed: number;
  seatLimit: number;
  seatsFree: number;
}

/**
 * Frees a seat from the machine's deactivation file (DESIGN.md "Deactivation needs
 * proof"): the file must be signed by the device key recorded at activation and name
 * the seat's fingerprint. Usage counters are stored. Uploading a file for a seat that
 * is already free changes nothing and says so. No age limit: a machine may stay
 * offline long after it deactivated.
 *
 * @example
 * const result = await deactivate({ deactivationText, actor: endUserActor('portal', ip) });
 * if (result.ok) show(result.message); // "\"render-node-3\" is deactivated. This license has 1 of its 2 seats free."
 */
export async function deactivate({ deactivationText, opened: given, actor, now = new Date() }: DeactivateInput): Promise<Result<Deactivation>> {
  let opened: OpenedDeviceArtifact<DeactivationClaims>;
  const what = given ? 'deactivation code' : 'deactivation file';
  try {
    opened = given ?? (await openDeactivation(deactivationText ?? '', { decryptionKeys: await requestDecryptionKeys(), now }));
  } catch (error) {
    return failureFromProtocolError(error);
  }
  const { claims, deviceThumbprint } = opened;
  return transactionResult(async (tx) => {
    const claimed = await findSeatById(claims.seat_id, tx);
    // The license is locked before the seat is read again, so a release racing this
    // deactivation on another instance is seen, not overwritten.
    const found = claimed && (await lockLicenseById(claimed.licenseId, tx));
    const seat = found && (await findSeatById(claims.seat_id, tx));
    if (!seat || !found) {
      return fail('ERR_SEAT_NOT_FOUND', `No seat matches this ${what}. ${given ? 'Enter' : 'Upload'} it ${given ? 'at' : 'to'} the portal the application is set up for, or ask support to release the seat.`);
    }
    // Proof of possession: only the machine's own key may free its seat.
    if (seat.deviceThumbprint !== deviceThumbprint || seat.fingerprint !== claims.fingerprint) {
      return fail(
        'ERR_DEVICE_MISMATCH',
        `This ${what} was not ${given ? 'made' : 'signed'} by the machine that holds the seat, so the seat stays taken. Create the ${given ? 'code' : 'file'} on that machine, or ask support to release the seat.`,
      );
    }
    const summary = (seatsUsed: number) => ({
      seatId: seat.id,
      licenseId: found.license.id,
      product: { slug: found.product.slug, name: found.product.name },
      hostname: seat.hostname,
      seatsUsed,
      seatLimit: found.plan.seatLimit,
      seatsFree: Math.max(0, found.plan.seatLimit - seatsUsed),
    });
    if (seat.status !== 'active') {
      const seatsUsed = found.license.seatsActive;
      const how =
        seat.status === 'deactivated'
          ? 'already deactivated'
          : seat.releaseReason === RECLAIMED_REASON
            ? 'already replaced by another machine after its lease and grace ended'
            : 'already released by support';
      const when = seat.releasedAt ? ` on ${formatDay(seat.releasedAt)}` : '';
      return {
        ok: true as const,
        ...summary(seatsUsed),
        alreadyDeactivated: true,
        message: `This machine was ${how}${when}; nothing changed. ${seatsFreeSentence(summary(seatsUsed))}`,
      };
    }
    if (await findUsedNonce(claims.jti, tx)) return given ? CODE_REPLAYED : REPLAYED;
    await endActiveSeat(seat.id, { status: 'deactivated', releasedAt: now, releaseReason: 'deactivated by the device', releasedBy: actor.label }, tx);
    if (!(await claimNonce({ jti: claims.jti, kind: 'deactivation', seatId: seat.id, usedAt: now }, tx))) rollBackWith(given ? CODE_REPLAYED : REPLAYED);
    if (claims.usage) {
      await insertUsageRecord({ id: crypto.randomUUID(), seatId: seat.id, licenseId: found.license.id, counters: claims.usage, reportedAt: now }, tx);
    }
    await audit(tx, actor, 'seat.deactivate', { type: 'seat', id: seat.id, licenseId: found.license.id }, { hostname: seat.hostname, usage: claims.usage ?? null }, now);
    await emitWebhookEvent(tx, 'seat.deactivated', found.license.id, { seat_id: seat.id, license_id: found.license.id, product: found.product.slug, hostname: seat.hostname, usage: claims.usage ?? null }, now);
    const after = summary(found.license.seatsActive - 1);
    const device = seat.hostname ? `"${seat.hostname}"` : 'The machine';
    return { ok: true as const, ...after, alreadyDeactivated: false, message: `${device} is deactivated. ${seatsFreeSentence(after)}` };
  });
}

const REPLAYED = fail('ERR_REQUEST_REPLAYED', 'This deactivation file was already used. Create a new one in the application, or ask support to release the seat.');
const CODE_REPLAYED = fail('ERR_REQUEST_REPLAYED', 'This deactivation code was already used. Create a new one on the machine, or ask support to release the seat.');

