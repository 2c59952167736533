import { findLicenseById } from '@/db/queries/licenses';
import { apiFailure } from '@/lib/http/api-response';
import { managedLicenseBody } from '@/lib/http/management-bodies';
import { idempotentChange, managementApiRoute } from '@/lib/http/management-route';
import { apiBulkLicenseInput, issueLicensesFromApi } from '@/lib/licensing/management';
import { readJsonBody } from '@/lib/http/read-body';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/licenses/bulk: `{ "licenses": [ … ] }`, up to 100 of what POST /api/v1/licenses
 * takes, in one transaction: all are issued or none. 201 with each license and its key, in
 * order. `Idempotency-Key` works as for one license (scope licenses:write).
 */
export const POST = managementApiRoute('licenses:write', async (request, { caller }) => {
  const body = await readJsonBody(request, apiBulkLicenseInput, 512 * 1024);
  if (!body.ok) return apiFailure(body);
  return idempotentChange(request, caller, body.text, async (tx) => {
    const result = await issueLicensesFromApi(body.data.licenses, caller.actor, tx);
    if (!result.ok) return result;
    const licenses = await Promise.all(result.licenses.map(async (issued) => ({ license: managedLicenseBody((await findLicenseById(issued.id, tx))!), key: issued.key })));
    return { ok: true, answer: { status: 201, body: { licenses } } };
  });
});
