import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDateTime } from '@/components/format-date';
import { inputClass } from '@/components/ui/field-styles';
import { PageHeader } from '@/components/admin/page-header';
import { ListPagination, pageNumber } from '@/components/ui/pagination';
import { cellClass, EmptyRow, Table } from '@/components/ui/table';
import { ADMIN_ONLY, requireStaffPage } from '@/lib/auth/staff';
import { auditLogPage } from '@/lib/licensing/admin-license-views';
import { auditFilterFromSearch } from '@/lib/licensing/audit-filter';

export const metadata: Metadata = { title: 'Audit log' };

const PAGE_SIZE = 50;

type Search = { actor?: string; action?: string; license?: string; from?: string; to?: string; page?: string };

function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <dl className="space-y-0.5 text-xs leading-snug">
      {entries.map(([key, value]) => (
        <div key={key} className="break-words">
          <dt className="inline text-slate-500">{key}: </dt>
          <dd className="inline font-mono text-slate-700">{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireStaffPage(ADMIN_ONLY, '/admin/audit');
  const search = await searchParams;
  const page = pageNumber(search.page);
  const { filter, params } = auditFilterFromSearch(search);
  const { total, events, facets } = auditLogPage(filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return (
    <>
      <PageHeader title="Audit log" description="Every change by anyone: staff, end users through the portal and API, and the system. Times in UTC." />
      <form className="mb-4 grid gap-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-6" data-testid="audit-filter">
        <select name="actor" defaultValue={params.actor} aria-label="Actor" className={inputClass}>
          <option value="">Any actor</option>
          {facets.actors.map((actor) => (
            <option key={actor}>{actor}</option>
          ))}
        </select>
        <select name="action" defaultValue={params.action} aria-label="Action" className={inputClass}>
          <option value="">Any action</option>
          {facets.actions.map((action) => (
            <option key={action}>{action}</option>
          ))}
        </select>
        <input name="license" defaultValue={params.license} placeholder="License id" aria-label="License id" className={`${inputClass} font-mono`} />
        <input name="from" type="date" defaultValue={params.from} aria-label="From" className={inputClass} />
        <input name="to" type="date" defaultValue={params.to} aria-label="To (inclusive)" className={inputClass} />
        <div className="flex gap-2">
          <button type="submit" className="flex-1 rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500">
            Filter
          </button>
          <Link href="/admin/audit" className="rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-700 hover:bg-slate-50">
            Clear
          </Link>
        </div>
      </form>
      <Table head={['When', 'Who, from where', 'Action', 'Target', 'Details']} testId="audit-table" empty={events.length === 0 ? <EmptyRow text="No event matches this filter." /> : undefined}>
        {events.map((event) => (
          <tr key={event.id} data-testid="audit-row" data-action={event.action}>
            <td className={`${cellClass} whitespace-nowrap`}>{formatDateTime(event.at)}</td>
            <td className={cellClass}>
              {event.actorLabel}
              <span className="block font-mono text-xs text-slate-500" data-testid="audit-ip">
                {event.ip || '—'}
              </span>
            </td>
            <td className={`${cellClass} font-mono text-xs`}>{event.action}</td>
            <td className={cellClass}>
              <span className="text-xs text-slate-500">{event.targetType}</span>
              {event.licenseId ? (
                <Link href={`/admin/licenses/${event.licenseId}`} className="block font-mono text-xs text-indigo-700 hover:underline">
                  {event.targetId?.slice(0, 8)}
                </Link>
              ) : (
                <span className="block font-mono text-xs">{event.targetId?.slice(0, 12)}</span>
              )}
            </td>
            <td className={`${cellClass} min-w-64 max-w-md`}>
              <Details details={event.details} />
            </td>
          </tr>
        ))}
      </Table>
      <ListPagination basePath="/admin/audit" params={params} page={page} total={total} pageSize={PAGE_SIZE} />
    </>
  );
}
