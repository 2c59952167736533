import { csvResponse, toCsv } from '@/components/csv';
import { ADMIN_ONLY, requireStaffForRoute } from '@/lib/auth/staff';
import { auditLogPage } from '@/lib/licensing/admin-license-views';
import { auditFilterFromSearch } from '@/lib/licensing/audit-filter';

export const dynamic = 'force-dynamic';

const BATCH = 1000;

/**
 * GET /admin/audit/export?actor=…&action=…&license=…&from=…&to=…: the audit log, filtered as
 * the page shows it, as CSV (every matching row, newest first). Times are ISO 8601 UTC and
 * details are the stored JSON, so a spreadsheet or a script reads them without guessing.
 */
export async function GET(request: Request): Promise<Response> {
  const check = await requireStaffForRoute(ADMIN_ONLY);
  if (!check.ok) return check.response;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const { filter } = auditFilterFromSearch(search);
  const rows: string[][] = [];
  for (let offset = 0; ; offset += BATCH) {
    const { events } = await auditLogPage(filter, { limit: BATCH, offset });
    for (const event of events) {
      rows.push([event.at.toISOString(), event.actorLabel, event.ip, event.action, event.targetType, event.targetId ?? '', event.licenseId ?? '', JSON.stringify(event.details)]);
    }
    if (events.length < BATCH) break;
  }
  const head = ['at', 'actor', 'ip', 'action', 'target_type', 'target_id', 'license_id', 'details'];
  return csvResponse(`gatepass-audit-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(head, rows));
}
