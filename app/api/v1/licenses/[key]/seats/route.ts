import { licenseSeatsBody } from '@/lib/http/api-bodies';
import { apiError, apiFailure, apiJson, publicApiRoute } from '@/lib/http/api-response';
import { firstIssueMessage, licenseKeyField } from '@/lib/licensing/end-user-inputs';
import { viewLicenseByKey } from '@/lib/licensing/license-view';

export const dynamic = 'force-dynamic';

/** GET /api/v1/licenses/{key}/seats: the license's status, plan and seats. */
export const GET = publicApiRoute(async (_request, _context, { params }: { params: Promise<{ key: string }> }) => {
  const parsed = licenseKeyField.safeParse((await params).key);
  if (!parsed.success) return apiError('ERR_VALIDATION', firstIssueMessage(parsed.error));
  const result = await viewLicenseByKey(parsed.data);
  if (!result.ok) return apiFailure(result);
  return apiJson(licenseSeatsBody(result.license));
});
