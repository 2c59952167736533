import Link from 'next/link';
import { ActivityChart } from '@/components/admin/activity-chart';
import { formatDate } from '@/components/format-date';
import { PageHeader } from '@/components/admin/page-header';
import { formatCount, searchParam } from '@/components/ui/pagination';
import { Section } from '@/components/ui/section';
import { cellClass, EmptyRow, Table } from '@/components/ui/table';
import { ADMIN_ONLY, requireStaffPage } from '@/lib/auth/staff';
import { NEAR_EXPIRY_DAYS, OVERVIEW_RANGES, overviewDaysOf, usageOverview, type OverviewDays } from '@/lib/licensing/usage-overview';

/** A headline number that leads to the list behind it. */
function Stat({ label, value, note, testId, href }: { label: string; value: Parameters<typeof formatCount>[0]; note?: string; testId: string; href: string }) {
  return (
    <Link href={href} className="group block rounded-xl border border-slate-200 bg-white p-5 shadow-sm hover:border-indigo-300 hover:bg-indigo-50/40">
      <p className="text-sm text-slate-600 group-hover:text-indigo-800">{label}</p>
      <p className="mt-1 text-3xl font-semibold tracking-tight text-slate-900" data-testid={testId}>
        {formatCount(value)}
      </p>
      {note && <p className="mt-1 text-xs text-slate-600">{note}</p>}
      <p className="mt-2 text-xs font-medium text-indigo-700 underline-offset-2 group-hover:underline" aria-hidden>
        See the list →
      </p>
    </Link>
  );
}

/** The chart's date ranges as links, the current one marked (for the eye and for screen readers). */
function RangeLinks({ days }: { days: OverviewDays }) {
  return (
    <nav aria-label="Date range" className="flex gap-1 text-sm" data-testid="chart-range">
      {OVERVIEW_RANGES.map((range) => (
        <Link
          key={range}
          href={range === 30 ? '/admin' : `/admin?days=${range}`}
          aria-current={range === days ? 'true' : undefined}
          className={`rounded-md px-2.5 py-1 ${range === days ? 'bg-indigo-50 font-medium text-indigo-800 ring-1 ring-indigo-200' : 'text-slate-700 hover:bg-slate-100'}`}
        >
          {range} days
        </Link>
      ))}
    </nav>
  );
}

export default async function AdminOverviewPage({ searchParams }: { searchParams: Promise<{ days?: string | string[] }> }) {
  const staff = await requireStaffPage(ADMIN_ONLY, '/admin');
  const days = overviewDaysOf(searchParam((await searchParams).days));
  const overview = await usageOverview(new Date(), days);
  const since = overview.series[0]?.day ?? '';
  const auditOf = (action: string) => `/admin/audit?action=${action}&from=${since}`;
  return (
    <>
      <PageHeader title="Overview" description={`Signed in as ${staff.email}. Usage across all products, last ${days} days.`} />
      <div className="grid grid-cols-2 gap-4 xl:grid-cols-4">
        <Stat label="Seats in use" value={overview.seats.active} note={`${formatCount(overview.seats.lapsed)} of them lapsed (lease and grace ended)`} testId="stat-seats-in-use" href="/admin/licenses?status=active" />
        <Stat label="Active licenses" value={overview.licenses.active} note={`${formatCount(overview.licenses.suspended)} suspended`} testId="stat-active-licenses" href="/admin/licenses?status=active" />
        <Stat label={`Activations, ${days} days`} value={overview.totals.activations} testId="stat-activations" href={auditOf('seat.activate')} />
        <Stat label={`Deactivations, ${days} days`} value={overview.totals.deactivations} testId="stat-deactivations" href={auditOf('seat.deactivate')} />
      </div>
      <Section title="Activations and deactivations per day" description={`Last ${days} days, UTC.`} actions={<RangeLinks days={days} />} className="mt-6">
        <ActivityChart series={overview.series} />
      </Section>
      <h2 className="mt-8 mb-3 text-lg font-semibold text-slate-900">Licenses expiring in the next {NEAR_EXPIRY_DAYS} days</h2>
      <Table
        head={['Customer', 'Product · plan', 'Expires', { label: 'Open', hidden: true }]}
        testId="near-expiry"
        empty={overview.nearExpiry.length === 0 ? <EmptyRow text={`No active license expires in the next ${NEAR_EXPIRY_DAYS} days.`} /> : undefined}
      >
        {overview.nearExpiry.map(({ license, plan, product }) => (
          <tr key={license.id}>
            <td className={cellClass}>
              <div className="font-medium text-slate-900">{license.customerName || '—'}</div>
              <div className="text-xs text-slate-600">{license.customerEmail}</div>
            </td>
            <td className={cellClass}>
              {product.name} · {plan.name}
            </td>
            <td className={cellClass}>{formatDate(license.expiresAt)}</td>
            <td className={`${cellClass} text-right`}>
              <Link href={`/admin/licenses/${license.id}`} className="text-indigo-700 underline underline-offset-2">
                Open
              </Link>
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}
