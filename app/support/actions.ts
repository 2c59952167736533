'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { staffAction, SUPPORT_OR_ADMIN } from '@/lib/auth/staff';
import { blockDevice, unblockDevice, unblockDeviceInput } from '@/lib/licensing/block-device';
import { releaseSeat, releaseSeatInput } from '@/lib/licensing/release-seat';
import { addSupportNote, supportNoteInput } from '@/lib/licensing/support-notes';
import { staffLicensePath } from '@/lib/licensing/support-license-detail';

const releaseSeatForm = releaseSeatInput.extend({ area: z.enum(['admin', 'support']).catch('support'), block: z.literal('on').optional() });

/**
 * Frees a lost machine's seat (issue 6 "Release a seat") from the support or the admin
 * console, and with `block` also blocks its device on the license (issue 11): reason
 * required, audited with the staff member as actor; then shows the license again on the
 * console it came from (the admin's only to an admin).
 */
export const releaseSeatAction = staffAction(SUPPORT_OR_ADMIN, releaseSeatForm, async ({ area, block, ...input }, { actor, staff }) => {
  const path = staffLicensePath(area === 'admin' && staff.role === 'admin' ? 'admin' : 'support', input.licenseId);
  if (block) {
    const blocked = await blockDevice(input, actor);
    if (!blocked.ok) return blocked;
    revalidatePath(path);
    redirect(`${path}?blocked=${encodeURIComponent(blocked.seatId)}`);
  }
  const result = await releaseSeat(input, actor);
  if (!result.ok) return result;
  // The page then says what changed and how long the old file still works (components/support/release-notice.tsx).
  revalidatePath(path);
  redirect(`${path}?released=${encodeURIComponent(result.seatId)}`);
});

/** Adds a support note to a license, signed by the staff member. */
export const addSupportNoteAction = staffAction(SUPPORT_OR_ADMIN, supportNoteInput, async (input, { actor }) => {
  const result = await addSupportNote(input, actor);
  if (result.ok) {
    // The admin's page of the license shows the same notes.
    revalidatePath(staffLicensePath('support', input.licenseId));
    revalidatePath(staffLicensePath('admin', input.licenseId));
  }
  return result;
});

/** Lifts a device block (the machine was found): audited; the device may activate again. */
export const unblockDeviceAction = staffAction(SUPPORT_OR_ADMIN, unblockDeviceInput, async (input, { actor }) => {
  const result = await unblockDevice(input, actor);
  if (result.ok) {
    revalidatePath(staffLicensePath('support', input.licenseId));
    revalidatePath(staffLicensePath('admin', input.licenseId));
  }
  return result;
});
