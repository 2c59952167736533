'use server';

import { runPortalAction } from '@/lib/http/portal-action';
import { firstIssueMessage, licenseLookupInput } from '@/lib/licensing/end-user-inputs';
import { fail, type Result } from '@/lib/core/result';
import { viewLicenseByKey, type LicenseView } from '@/lib/licensing/license-view';

/** My license and Refresh: the license a key opens, with its seats. */
export async function lookupLicenseAction(input: { licenseKey: string }): Promise<Result<{ license: LicenseView }>> {
  const parsed = licenseLookupInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', firstIssueMessage(parsed.error), { licenseKey: [firstIssueMessage(parsed.error)] });
  return runPortalAction(() => viewLicenseByKey(parsed.data.licenseKey));
}
