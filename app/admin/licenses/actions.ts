'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ADMIN_ONLY, staffAction } from '@/lib/auth/staff';
import { issuedBatchSummary } from '@/lib/licensing/admin-license-views';
import { issueLicenses } from '@/lib/licensing/issue-licenses';
import { changeLicenseExpiry, reinstateLicense, suspendLicense } from '@/lib/licensing/license-admin';
import { expiryFromDateInput, wholeNumberField } from '@/lib/licensing/license-form';

const text = z.string().default('');

export const issueLicensesAction = staffAction(
  ADMIN_ONLY,
  z.object({ planId: text, count: text, customerName: text, customerEmail: text, expiresOn: text }),
  async (input, { actor }) => {
    const result = await issueLicenses(
      { planId: input.planId, count: wholeNumberField(input.count), customerName: input.customerName, customerEmail: input.customerEmail, expiresAt: expiryFromDateInput(input.expiresOn) },
      actor,
    );
    if (!result.ok) return result;
    revalidatePath('/admin', 'layout');
    const batch = await issuedBatchSummary(result.licenses[0]!.id);
    return {
      ok: true as const,
      // The keys leave the server this once; the database keeps only their hash and a sealed copy.
      licenses: result.licenses,
      ...batch,
      expiresAt: batch.expiresAt?.toISOString() ?? '',
    };
  },
);

export const suspendLicenseAction = staffAction(ADMIN_ONLY, z.object({ licenseId: text, reason: text }), async (input, { actor }) => {
  const result = await suspendLicense(input, actor);
  if (result.ok) revalidatePath('/admin', 'layout');
  return result.ok ? { ...result, message: 'License suspended. New activations and refreshes are refused until you reinstate it.' } : result;
});

export const reinstateLicenseAction = staffAction(ADMIN_ONLY, z.object({ licenseId: text }), async (input, { actor }) => {
  const result = await reinstateLicense(input.licenseId, actor);
  if (result.ok) revalidatePath('/admin', 'layout');
  return result.ok ? { ...result, message: 'License reinstated.' } : result;
});

export const changeExpiryAction = staffAction(ADMIN_ONLY, z.object({ licenseId: text, expiresOn: text, intent: text }), async (input, { actor }) => {
  const expiresAt = input.intent === 'remove' ? null : expiryFromDateInput(input.expiresOn);
  if (input.intent !== 'remove' && expiresAt === null) {
    return { ok: false as const, code: 'ERR_VALIDATION' as const, message: 'Check the highlighted fields.', fieldErrors: { expiresAt: ['Choose the new expiry date.'] } };
  }
  const result = await changeLicenseExpiry({ licenseId: input.licenseId, expiresAt }, actor);
  if (result.ok) revalidatePath('/admin', 'layout');
  return result.ok ? { ...result, message: expiresAt ? 'Expiry changed.' : 'The license no longer expires.' } : result;
});
