import 'server-only';
import { afterRevocationChange } from '@/lib/licensing/revocation-list';
import crypto from 'node:crypto';
import { z } from 'zod';
import { writeTransaction, type Tx } from '@/db/client';
import { endBlock, findActiveBlock, findBlockById, insertBlockedDevice, raiseRevocationSequence } from '@/db/queries/blocked-devices';
import { lockLicenseById, type LicenseWithPlan } from '@/db/queries/licenses';
import { endActiveSeat, findSeatById } from '@/db/queries/seats';
import type { Actor } from '@/lib/core/actor';
import { audit } from '@/db/queries/audit';
import { fail, fieldErrorsOf, type Failure, type Result } from '@/lib/core/result';

export const blockDeviceInput = z.object({
  licenseId: z.string().min(1),
  seatId: z.string().min(1),
  reason: z
    .string()
    .trim()
    .min(3, 'Say why the device is blocked, e.g. "laptop stolen, police report 4711".')
    .max(500, 'Keep the reason under 500 characters.'),
});

export const unblockDeviceInput = z.object({
  licenseId: z.string().min(1),
  blockId: z.string().min(1),
});

export interface BlockedSeat {
  seatId: string;
  blockId: string;
  hostname: string;
  /** False when the seat was already free (released or deactivated) and only the block was added. */
  released: boolean;
}

/** The one sentence a blocked machine's owner reads, on the portal, in the API and in the CLI. */
export const DEVICE_BLOCKED_MESSAGE =
  "This machine is blocked for this license (reported lost or stolen), so it cannot be activated or refreshed. If it is yours and was found, ask your software vendor's support to unblock it.";

/**
 * Refuses a blocked device (by device key or fingerprint) inside the caller's transaction,
 * with the refusal's audit row as the only write: the caller returns this failure, which
 * commits the audit row and nothing else (issue 11: "changes nothing, and is audited").
 */
export async function blockedDeviceFailure(
  tx: Tx,
  found: LicenseWithPlan,
  device: { deviceThumbprint: string; fingerprint: string; hostname: string },
  actor: Actor,
  via: string,
  now: Date,
): Promise<Failure<'ERR_DEVICE_BLOCKED'> | null> {
  const block = await findActiveBlock(found.license.id, device, tx);
  if (!block) return null;
  await audit(
    tx,
    actor,
    'device.blocked_refused',
    { type: 'blocked_device', id: block.id, licenseId: found.license.id },
    { via, hostname: device.hostname, fingerprint: device.fingerprint, blockedSeatId: block.seatId },
    now,
  );
  return fail('ERR_DEVICE_BLOCKED', DEVICE_BLOCKED_MESSAGE);
}

/**
 * Releases a lost or stolen machine's seat (when it still holds one) and blocks its device
 * key and fingerprint on the license, in one transaction with its audit row and a new
 * revocation-list sequence, so the next file the portal issues carries the block.
 *
 * @example
 * const result = await blockDevice({ licenseId, seatId, reason: 'laptop stolen' }, actor);
 */
export async function blockDevice(input: z.input<typeof blockDeviceInput>, actor: Actor, now = new Date()): Promise<Result<BlockedSeat>> {
  const parsed = blockDeviceInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Give a reason for blocking the device.', fieldErrorsOf(parsed.error));
  const { licenseId, seatId, reason } = parsed.data;
  return afterRevocationChange(writeTransaction(async (tx) => {
    const found = await lockLicenseById(licenseId, tx);
    const seat = found && (await findSeatById(seatId, tx));
    if (!found || !seat || seat.licenseId !== licenseId) {
      return fail('ERR_SEAT_NOT_FOUND', 'This license has no such seat any more. Reload the page.');
    }
    const existing = await findActiveBlock(licenseId, seat, tx);
    if (existing) return fail('ERR_CONFLICT', `This device is blocked already (since ${existing.blockedAt.toISOString().slice(0, 10)}, by ${existing.blockedBy}). Nothing was changed.`);
    const released = await endActiveSeat(seat.id, { status: 'released', releasedAt: now, releaseReason: `blocked: ${reason}`, releasedBy: actor.label }, tx);
    const blockId = crypto.randomUUID();
    await insertBlockedDevice(
      { id: blockId, licenseId, seatId: seat.id, deviceThumbprint: seat.deviceThumbprint, fingerprint: seat.fingerprint, hostname: seat.hostname, reason, blockedAt: now, blockedBy: actor.label },
      tx,
    );
    await raiseRevocationSequence(now, tx);
    await audit(
      tx,
      actor,
      'device.block',
      { type: 'seat', id: seat.id, licenseId },
      { reason, blockId, hostname: seat.hostname, fingerprint: seat.fingerprint, released, leaseEndsAt: seat.leaseEndsAt.toISOString(), graceEndsAt: seat.graceEndsAt.toISOString() },
      now,
    );
    return { ok: true as const, seatId: seat.id, blockId, hostname: seat.hostname, released };
  }));
}

/**
 * Lifts a block (the machine was found): its device may activate again. The seat stays
 * free; the machine takes a seat like any other. Audited, with a new list sequence.
 *
 * @example
 * const result = await unblockDevice({ licenseId, blockId }, actor);
 */
export async function unblockDevice(input: z.input<typeof unblockDeviceInput>, actor: Actor, now = new Date()): Promise<Result<{ blockId: string }>> {
  const parsed = unblockDeviceInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'The portal could not read this form. Reload the page and try again.', fieldErrorsOf(parsed.error));
  const { licenseId, blockId } = parsed.data;
  return afterRevocationChange(writeTransaction(async (tx) => {
    const ended = await endBlock(blockId, licenseId, { unblockedAt: now, unblockedBy: actor.label }, tx);
    if (!ended) {
      const block = await findBlockById(blockId, tx);
      if (!block || block.licenseId !== licenseId) return fail('ERR_NOT_FOUND', 'This license has no such blocked device. Reload the page.');
      return fail('ERR_DEVICE_NOT_BLOCKED', `This device was already unblocked by ${block.unblockedBy ?? 'someone'}. Nothing was changed.`);
    }
    await raiseRevocationSequence(now, tx);
    await audit(tx, actor, 'device.unblock', { type: 'blocked_device', id: blockId, licenseId }, { hostname: ended.hostname, fingerprint: ended.fingerprint, blockedFor: ended.reason }, now);
    return { ok: true as const, blockId };
  }));
}
