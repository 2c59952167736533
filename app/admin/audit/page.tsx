import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { auditDetailsInWords } from '@/components/admin/audit-details';
import { formatDateTime } from '@/components/format-date';
import { inputClass } from '@/components/ui/field-styles';
import { PageHeader } from '@/components/admin/page-header';
import { ListPagination, pageNumber, searchHref } from '@/components/ui/pagination';
import { cellClass, EmptyRow, Table } from '@/components/ui/table';
import { ADMIN_ONLY, requireStaffPage } from '@/lib/auth/staff';
import { auditLogPage } from '@/lib/licensing/admin-license-views';
import { auditFilterFromSearch } from '@/lib/licensing/audit-filter';

export const metadata: Metadata = { title: 'Audit log' };

const PAGE_SIZE = 50;

type Search = { actor?: string; action?: string; license?: string; from?: string; to?: string; page?: string };

function Details({ details }: { details: Record<string, unknown> }) {
  const entries = auditDetailsInWords(details);
  if (entries.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <dl className="space-y-0.5 text-xs leading-snug">
      {entries.map(({ key, label, text }) => (
        <div key={key} className="[overflow-wrap:anywhere]">
          <dt className="inline text-slate-600">{label}: </dt>
          <dd className="inline text-slate-800">{text}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A filter control with its visible label above it. */
function Filter({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={htmlFor} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
    </div>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireStaffPage(ADMIN_ONLY, '/admin/audit');
  const search = await searchParams;
  const page = pageNumber(search.page);
  const { filter, params } = auditFilterFromSearch(search);
  const { total, events, facets } = await auditLogPage(filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change by anyone: staff, end users through the portal and API, and the system. Times in UTC."
        actions={
          <a href={searchHref('/admin/audit/export', params)} download className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50" data-testid="audit-export">
            Export CSV{total > 0 ? ` (${total})` : ''}
          </a>
        }
      />
      <form className="mb-4 grid items-end gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-6" data-testid="audit-filter">
        <Filter label="Who" htmlFor="audit-actor">
          <select id="audit-actor" name="actor" defaultValue={params.actor} className={inputClass}>
            <option value="">Anyone</option>
            {facets.actors.map((actor) => (
              <option key={actor}>{actor}</option>
            ))}
          </select>
        </Filter>
        <Filter label="Action" htmlFor="audit-action">
          <select id="audit-action" name="action" defaultValue={params.action} className={inputClass}>
            <option value="">Any action</option>
            {facets.actions.map((action) => (
              <option key={action}>{action}</option>
            ))}
          </select>
        </Filter>
        <Filter label="License id" htmlFor="audit-license">
          <input id="audit-license" name="license" defaultValue={params.license} className={`${inputClass} font-mono`} />
        </Filter>
        <Filter label="From (UTC day)" htmlFor="audit-from">
          <input id="audit-from" name="from" type="date" defaultValue={params.from} className={inputClass} />
        </Filter>
        <Filter label="To (UTC day, inclusive)" htmlFor="audit-to">
          <input id="audit-to" name="to" type="date" defaultValue={params.to} className={inputClass} />
        </Filter>
        <div className="flex gap-2">
          <button type="submit" className="flex-1 rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500">
            Filter
          </button>
          <Link href="/admin/audit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-700 hover:bg-slate-50">
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
              <span className="block font-mono text-xs text-slate-600" data-testid="audit-ip">
                {event.ip || '—'}
              </span>
            </td>
            <td className={`${cellClass} font-mono text-xs`}>{event.action}</td>
            <td className={cellClass}>
              <span className="text-xs text-slate-600">{event.targetType}</span>
              {event.licenseId ? (
                <Link href={`/admin/licenses/${event.licenseId}`} className="block font-mono text-xs text-indigo-700 underline underline-offset-2">
                  {event.targetId?.slice(0, 8)}
                </Link>
              ) : (
                <span className="block font-mono text-xs">{event.targetId?.slice(0, 12)}</span>
              )}
            </td>
            <td className={`${cellClass} min-w-56 max-w-sm`}>
              <Details details={event.details} />
            </td>
          </tr>
        ))}
      </Table>
      <ListPagination basePath="/admin/audit" params={params} page={page} total={total} pageSize={PAGE_SIZE} />
    </>
  );
}
