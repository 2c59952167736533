'use server';

import { z } from 'zod';
import { runPortalAction } from '@/lib/http/portal-action';
import { firstIssueMessage, licenseLookupInput } from '@/lib/licensing/end-user-inputs';
import { fail, type Result } from '@/lib/core/result';
import { viewLicenseByKey, type LicenseView } from '@/lib/licensing/license-view';

/** The key, and which page of its seats (from 1; anything else is the first). */
const lookupInput = licenseLookupInput.extend({ seatsPage: z.number().int().min(1).max(1_000_000).optional().catch(undefined) });

/** My license and Refresh: the license a key opens, with one page of its seats. */
export async function lookupLicenseAction(input: { licenseKey: string; seatsPage?: number }): Promise<Result<{ license: LicenseView }>> {
  const parsed = lookupInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', firstIssueMessage(parsed.error), { licenseKey: [firstIssueMessage(parsed.error)] });
  return runPortalAction(() => viewLicenseByKey(parsed.data.licenseKey, new Date(), parsed.data.seatsPage ?? 1));
}
