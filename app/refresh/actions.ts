'use server';

import { runPortalAction } from '@/lib/http/portal-action';
import { firstIssueMessage, refreshSeatInput } from '@/lib/licensing/end-user-inputs';
import { fail, type Result } from '@/lib/core/result';
import type { IssuedLicenseFile } from '@/lib/licensing/issued-license-file';
import { refreshSeat } from '@/lib/licensing/refresh-seat';

/** The Refresh page: a new license file for one seat of the license the key opens. */
export async function refreshSeatAction(input: { licenseKey: string; seatId: string }): Promise<Result<IssuedLicenseFile>> {
  const parsed = refreshSeatInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', firstIssueMessage(parsed.error));
  return runPortalAction((actor) => refreshSeat(parsed.data, actor));
}
