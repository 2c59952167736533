import { z } from 'zod';
import { findLicenseById } from '@/db/queries/licenses';
import { listLicenseFeed } from '@/db/queries/license-feed';
import { LICENSE_STATUSES } from '@/lib/core/enums';
import { apiError, apiFailure, apiJson } from '@/lib/http/api-response';
import { decodeCursor, encodeCursor, managedLicenseBody } from '@/lib/http/management-bodies';
import { idempotentChange, managementApiRoute } from '@/lib/http/management-route';
import { apiLicenseInput, issueLicensesFromApi } from '@/lib/licensing/management';
import { readJsonBody, readQuery } from '@/lib/http/read-body';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/licenses: one license (plan by `plan_id`, or `product` and `plan` slugs;
 * customer name and email; optional `expires_at`). 201 with the license and its key, the
 * only time the key is sent. With `Idempotency-Key`, a retry answers the same license
 * (scope licenses:write).
 */
export const POST = managementApiRoute('licenses:write', async (request, { caller }) => {
  const body = await readJsonBody(request, apiLicenseInput, 16 * 1024);
  if (!body.ok) return apiFailure(body);
  return idempotentChange(request, caller, body.text, async (tx) => {
    const result = await issueLicensesFromApi([body.data], caller.actor, tx);
    if (!result.ok) return result;
    const [issued] = result.licenses;
    const license = (await findLicenseById(issued!.id, tx))!;
    return { ok: true, answer: { status: 201, body: { license: managedLicenseBody(license), key: issued!.key } } };
  });
});

const listQuery = z
  .object({
    customer_email: z.string().trim().toLowerCase().optional(),
    status: z.enum(LICENSE_STATUSES, { error: `status is one of ${LICENSE_STATUSES.join(', ')}.` }).optional(),
    plan_id: z.string().min(1).optional(),
    updated_since: z.iso.datetime({ offset: true, message: 'updated_since is an ISO 8601 time such as 2027-01-31T00:00:00Z.' }).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number({ error: 'limit is a number from 1 to 200.' }).int('limit is a whole number.').min(1, 'limit is at least 1.').max(200, 'limit is at most 200.').default(50),
  })
  .strict();

/**
 * GET /api/v1/licenses: filtered by `customer_email`, `status`, `plan_id`, `updated_since`;
 * `limit` (default 50, at most 200) per page, and `next_cursor` to pass as `cursor` for the
 * next one (null at the end). Oldest first, by creation or, with `updated_since`, by last change.
 */
export const GET = managementApiRoute('licenses:read', async (request) => {
  const parsed = readQuery(request, listQuery, 'customer_email, status, plan_id, updated_since, cursor or limit');
  if (!parsed.ok) return apiFailure(parsed);
  const query = parsed.data;
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (query.cursor !== undefined && !after) return apiError('ERR_VALIDATION', 'This cursor is not one the API gave out: pass next_cursor from the previous page as it is.');
  const updatedSince = query.updated_since ? new Date(query.updated_since) : undefined;
  const rows = await listLicenseFeed(
    { customerEmail: query.customer_email, status: query.status, planId: query.plan_id, updatedSince },
    { limit: query.limit + 1, after },
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ at: updatedSince ? last.license.updatedAt : last.license.createdAt, id: last.license.id }) : null;
  return apiJson({ licenses: page.map(managedLicenseBody), next_cursor: nextCursor });
});
