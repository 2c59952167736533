'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { staffAction, SUPPORT_OR_ADMIN } from '@/lib/auth/staff';
import { z } from 'zod';
import { blockDevice, unblockDevice, unblockDeviceInput } from '@/lib/licensing/block-device';
import { releaseSeat, releaseSeatInput } from '@/lib/licensing/release-seat';
import { addSupportNote, supportNoteInput } from '@/lib/licensing/support-notes';

/**
 * Frees a lost machine's seat (issue 6 "Release a seat"), and with `block` also blocks its
 * device on the license (issue 11): reason required, audited; then shows the license again.
 */
export const releaseSeatAction = staffAction(SUPPORT_OR_ADMIN, releaseSeatInput.extend({ block: z.literal('on').optional() }), async (input, { actor }) => {
  if (input.block) {
    const blocked = await blockDevice(input, actor);
    if (!blocked.ok) return blocked;
    revalidatePath(`/support/licenses/${input.licenseId}`);
    redirect(`/support/licenses/${input.licenseId}?blocked=${encodeURIComponent(blocked.seatId)}`);
  }
  const result = await releaseSeat(input, actor);
  if (!result.ok) return result;
  // The page then says what changed and how long the old file still works (components/support/release-notice.tsx).
  revalidatePath(`/support/licenses/${input.licenseId}`);
  redirect(`/support/licenses/${input.licenseId}?released=${encodeURIComponent(result.seatId)}`);
});

/** Adds a support note to a license, signed by the staff member. */
export const addSupportNoteAction = staffAction(SUPPORT_OR_ADMIN, supportNoteInput, async (input, { actor }) => {
  const result = await addSupportNote(input, actor);
  if (result.ok) revalidatePath(`/support/licenses/${input.licenseId}`);
  return result;
});

/** Lifts a device block (the machine was found): audited; the device may activate again. */
export const unblockDeviceAction = staffAction(SUPPORT_OR_ADMIN, unblockDeviceInput, async (input, { actor }) => {
  const result = await unblockDevice(input, actor);
  if (result.ok) revalidatePath(`/support/licenses/${input.licenseId}`);
  return result;
});
