import type { Metadata } from 'next';
import Link from 'next/link';
import { Fragment, type ReactNode } from 'react';
import { formatDate } from '@/components/format-date';
import { inputClass } from '@/components/ui/field-styles';
import { PageHeader } from '@/components/admin/page-header';
import { CursorPagination, PAGE_SIZE, searchHref, searchParam } from '@/components/ui/pagination';
import { LicenseStatusBadge } from '@/components/license-status-badge';
import { SortBar, sortHeader, type SortColumn } from '@/components/ui/sort-header';
import { cellClass, EmptyRow, Table } from '@/components/ui/table';
import { ADMIN_ONLY, requireStaffPage } from '@/lib/auth/staff';
import { adminLicensesPage } from '@/lib/licensing/admin-license-views';
import { maskLicenseKey } from '@/lib/licensing/license-key';
import { criteriaOf, licenseOrderOf, type LicenseOrder } from '@/lib/licensing/search-licenses';
import { SEATS_IN_USE_LABEL, seatsInUse } from '@/lib/core/license-words';

/** An email that wraps after its `@` and dots first (a narrow column), and only then anywhere. */
function breakableEmail(email: string | null): ReactNode {
  if (!email) return null;
  return email.split(/(?<=[@.])/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

export const metadata: Metadata = { title: 'Licenses' };

type Search = { q?: string; status?: string; sort?: string | string[]; dir?: string | string[]; after?: string | string[]; before?: string | string[] };

/** One page of the search, and the moment it was read: a license counts as expired as of then (rendering stays pure). */
async function licensesAsOfNow(q: string, status: string, order: LicenseOrder, cursor: string | undefined) {
  const page = await adminLicensesPage(criteriaOf(q, { status }), { limit: PAGE_SIZE, cursor, order });
  return { ...page, now: new Date() };
}

export default async function LicensesPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireStaffPage(ADMIN_ONLY, '/admin/licenses');
  const { q = '', status = '', sort, dir, after, before } = await searchParams;
  const order = licenseOrderOf(searchParam(sort), searchParam(dir));
  const { total, rows, next, previous, now } = await licensesAsOfNow(q, status, order, searchParam(after) ?? searchParam(before));
  // The order's own parameters, kept by the pages and left out of the URL when it is the default.
  const sorted: Record<string, string> = order.key === 'created' && order.direction === 'desc' ? {} : { sort: order.key, dir: order.direction };
  const sortContext = { current: order, basePath: '/admin/licenses', params: { q, status } };
  const columns: Record<LicenseOrder['key'], SortColumn> = {
    customer: { label: 'Customer', column: 'customer', first: 'asc' },
    expires: { label: 'Expires', column: 'expires', first: 'asc' },
    status: { label: 'Status', column: 'status', first: 'asc' },
    created: { label: 'Created', column: 'created', first: 'desc' },
  };
  const column = (key: LicenseOrder['key']) => sortHeader(columns[key], sortContext);
  const actions = (
    <>
      <a href={searchHref('/admin/licenses/export', { q, status })} download className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50" data-testid="licenses-export">
        Export CSV
      </a>
      <Link href="/admin/licenses/new" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500" data-testid="issue-licenses">
        Issue licenses
      </Link>
    </>
  );
  return (
    <>
      <PageHeader title="Licenses" description="Search by the full key, one group of it (e.g. the last five characters), the customer's name or email, or a machine's hostname or fingerprint." actions={actions} />
      <form className="mb-4 grid gap-2 sm:grid-cols-[minmax(0,28rem)_10rem_auto] sm:justify-start" role="search" data-testid="license-search">
        {Object.entries(sorted).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input name="q" type="search" defaultValue={q} placeholder="Key, key part, customer, device name or fingerprint" aria-label="Search licenses" className={inputClass} />
        <select name="status" defaultValue={status} aria-label="Status" className={inputClass}>
          <option value="">Any status</option>
          <option value="active">Active</option>
          <option value="suspended">Suspended</option>
        </select>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
          Search
        </button>
      </form>
      <SortBar columns={Object.values(columns)} context={sortContext} testId="license-sort-bar" />
      <Table
        head={['Key', column('customer'), 'Product · plan', SEATS_IN_USE_LABEL, column('expires'), column('status'), column('created')]}
        testId="license-table"
        empty={rows.length === 0 ? <EmptyRow text={q || status ? 'No license matches this search.' : 'No licenses yet.'} /> : undefined}
      >
        {rows.map(({ license, plan, product, seatsUsed }) => {
          const expired = license.expiresAt && license.expiresAt.getTime() <= now.getTime();
          return (
            <tr key={license.id} className="hover:bg-slate-50" data-testid="license-row">
              <td className={cellClass}>
                <Link href={`/admin/licenses/${license.id}`} className="font-mono text-xs whitespace-nowrap text-indigo-700 hover:underline">
                  {maskLicenseKey(license.keyPrefix, license.keySuffix)}
                </Link>
              </td>
              <td className={cellClass}>
                <div className="wrap-anywhere text-slate-900">{license.customerName || '—'}</div>
                <div className="text-xs wrap-anywhere text-slate-600">{breakableEmail(license.customerEmail)}</div>
              </td>
              <td className={cellClass}>
                <div className="text-slate-900">{product.name}</div>
                <div className="text-xs text-slate-600">{plan.name}</div>
              </td>
              <td className={cellClass}>{seatsInUse({ seatsUsed, seatLimit: plan.seatLimit })}</td>
              <td className={`${cellClass} whitespace-nowrap`} data-testid="license-expires">
                {formatDate(license.expiresAt, 'never')}
              </td>
              <td className={cellClass}>
                <LicenseStatusBadge status={license.status === 'suspended' ? 'suspended' : expired ? 'expired' : 'active'} />
              </td>
              <td className={`${cellClass} whitespace-nowrap`}>{formatDate(license.createdAt)}</td>
            </tr>
          );
        })}
      </Table>
      <CursorPagination basePath="/admin/licenses" params={{ q, status, ...sorted }} shown={rows.length} total={total} next={next} previous={previous} />
    </>
  );
}
