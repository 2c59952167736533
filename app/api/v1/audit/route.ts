import { z } from 'zod';
import { listAuditEventsAfter } from '@/db/queries/audit-log';
import { apiFailure, apiJson } from '@/lib/http/api-response';
import { auditEventBody } from '@/lib/http/management-bodies';
import { managementApiRoute } from '@/lib/http/management-route';
import { readQuery } from '@/lib/http/read-body';

export const dynamic = 'force-dynamic';

const time = (name: string) => z.iso.datetime({ offset: true, message: `${name} is an ISO 8601 time such as 2027-01-31T00:00:00Z.` }).optional();

const auditQuery = z
  .object({
    action: z.string().max(100).optional(),
    license_id: z.string().max(100).optional(),
    actor: z.string().max(320).optional(),
    since: time('since'),
    until: time('until'),
    after_id: z.coerce.number({ error: 'after_id is the id of the last event you have.' }).int().min(0).default(0),
    limit: z.coerce.number({ error: 'limit is a number from 1 to 500.' }).int().min(1, 'limit is at least 1.').max(500, 'limit is at most 500.').default(100),
  })
  .strict();

/**
 * GET /api/v1/audit: the audit log oldest first, filtered by `action`, `license_id`,
 * `actor` (its label), `since` and `until`; pass the last event's id as `after_id` for the
 * next page or the next poll (scope audit:read).
 */
export const GET = managementApiRoute('audit:read', async (request) => {
  const parsed = readQuery(request, auditQuery, 'action, license_id, actor, since, until, after_id or limit');
  if (!parsed.ok) return apiFailure(parsed);
  const q = parsed.data;
  const events = await listAuditEventsAfter(
    { action: q.action, licenseId: q.license_id, actorLabel: q.actor, from: q.since ? new Date(q.since) : undefined, to: q.until ? new Date(q.until) : undefined },
    q.after_id,
    q.limit + 1,
  );
  const page = events.slice(0, q.limit);
  return apiJson({ events: page.map(auditEventBody), next_after_id: events.length > q.limit ? page.at(-1)!.id : null });
});
