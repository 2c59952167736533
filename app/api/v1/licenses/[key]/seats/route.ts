import { z } from 'zod';
import { licenseSeatsBody } from '@/lib/http/api-bodies';
import { apiError, apiFailure, apiJson, publicApiRoute } from '@/lib/http/api-response';
import { firstIssueMessage, licenseKeyField } from '@/lib/licensing/end-user-inputs';
import { viewLicenseById, viewLicenseByKey } from '@/lib/licensing/license-view';
import { managementApiRoute } from '@/lib/http/management-route';

export const dynamic = 'force-dynamic';

const pageParam = z.coerce.number({ error: 'page must be a page number: 1, 2, 3 …' }).int('page must be a whole number').min(1, 'Pages count from 1.').max(1_000_000).default(1);

type Params = { params: Promise<{ key: string }> };

/** GET /api/v1/licenses/{key}/seats[?page=N]: the license's status, plan and one page of its seats. */
const byKey = publicApiRoute(async (request, _context, { params }: Params) => {
  const parsed = licenseKeyField.safeParse((await params).key);
  if (!parsed.success) return apiError('ERR_VALIDATION', firstIssueMessage(parsed.error));
  const page = pageParam.safeParse(new URL(request.url).searchParams.get('page') ?? undefined);
  if (!page.success) return apiError('ERR_VALIDATION', firstIssueMessage(page.error));
  const result = await viewLicenseByKey(parsed.data, new Date(), page.data);
  if (!result.ok) return apiFailure(result);
  return apiJson(licenseSeatsBody(result.license));
});

/** The same with a management token (scope licenses:read), by the license id the management API hands out. */
const byId = managementApiRoute('licenses:read', async (request, _context, { params }: Params) => {
  const page = pageParam.safeParse(new URL(request.url).searchParams.get('page') ?? undefined);
  if (!page.success) return apiError('ERR_VALIDATION', firstIssueMessage(page.error));
  const id = (await params).key;
  const result = await viewLicenseById(id, new Date(), page.data);
  if (!result.ok) return apiError('ERR_LICENSE_NOT_FOUND', `There is no license with the id "${id}".`);
  return apiJson(licenseSeatsBody(result.license));
});

export function GET(request: Request, context: Params): Promise<Response> {
  return request.headers.has('authorization') ? byId(request, context) : byKey(request, context);
}
