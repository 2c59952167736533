import { findLicenseById } from '@/db/queries/licenses';
import { apiError, apiFailure, apiJson } from '@/lib/http/api-response';
import { managedLicenseBody } from '@/lib/http/management-bodies';
import { managementApiRoute } from '@/lib/http/management-route';
import { apiLicensePatch, patchLicense } from '@/lib/licensing/management';
import { readJsonBody } from '@/lib/http/read-body';

export const dynamic = 'force-dynamic';

// The folder is named for the public seats route below it (/licenses/{key}/seats); here the
// segment is the license id the management API hands out.
type Params = { params: Promise<{ key: string }> };

/** GET /api/v1/licenses/{id}: one license (scope licenses:read). */
export const GET = managementApiRoute('licenses:read', async (_request, _context, { params }: Params) => {
  const id = (await params).key;
  const found = await findLicenseById(id);
  if (!found) return apiError('ERR_LICENSE_NOT_FOUND', `There is no license with the id "${id}".`);
  return apiJson(managedLicenseBody(found));
});

/**
 * PATCH /api/v1/licenses/{id}: `status` ("suspended" with `suspended_reason`, or "active"
 * to reinstate), `expires_at` (ISO 8601 or null), `customer_name`, `customer_email`.
 * Each change is audited; asking for what the license already has changes nothing
 * (scope licenses:write).
 */
export const PATCH = managementApiRoute('licenses:write', async (request, { caller }, { params }: Params) => {
  const body = await readJsonBody(request, apiLicensePatch);
  if (!body.ok) return apiFailure(body);
  const result = await patchLicense((await params).key, body.data, caller.actor);
  if (!result.ok) return apiFailure(result);
  return apiJson(managedLicenseBody(result.license));
});
