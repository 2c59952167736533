import { z } from 'zod';
import { licenseSeatsBody } from '@/lib/http/api-bodies';
import { apiError, apiFailure, apiJson, publicApiRoute } from '@/lib/http/api-response';
import { firstIssueMessage, licenseKeyField } from '@/lib/licensing/end-user-inputs';
import { viewLicenseByKey } from '@/lib/licensing/license-view';

export const dynamic = 'force-dynamic';

const pageParam = z.coerce.number({ error: 'page must be a page number: 1, 2, 3 …' }).int('page must be a whole number').min(1, 'Pages count from 1.').max(1_000_000).default(1);

/** GET /api/v1/licenses/{key}/seats[?page=N]: the license's status, plan and one page of its seats. */
export const GET = publicApiRoute(async (request, _context, { params }: { params: Promise<{ key: string }> }) => {
  const parsed = licenseKeyField.safeParse((await params).key);
  if (!parsed.success) return apiError('ERR_VALIDATION', firstIssueMessage(parsed.error));
  const page = pageParam.safeParse(new URL(request.url).searchParams.get('page') ?? undefined);
  if (!page.success) return apiError('ERR_VALIDATION', firstIssueMessage(page.error));
  const result = await viewLicenseByKey(parsed.data, new Date(), page.data);
  if (!result.ok) return apiFailure(result);
  return apiJson(licenseSeatsBody(result.license));
});
