import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { changeExpiryAction, reinstateLicenseAction, suspendLicenseAction } from '@/app/admin/licenses/actions';
import { formatDate, formatDateTime } from '@/components/format-date';
import { LicenseActions } from '@/components/admin/license-actions';
import { BackLink, PageHeader } from '@/components/admin/page-header';
import { DeviceName } from '@/components/ui/device-name';
import { pageNumber, SeatsPagination } from '@/components/ui/pagination';
import { Section } from '@/components/ui/section';
import { SeatStateBadge } from '@/components/seat-state-badge';
import { StatusBadge } from '@/components/ui/status-badge';
import { cellClass, EmptyRow, Table } from '@/components/ui/table';
import { ADMIN_ONLY, requireStaffPage } from '@/lib/auth/staff';
import { adminLicenseDetail } from '@/lib/licensing/admin-license-views';
import { formatDuration } from '@/lib/licensing/durations';
import { dateInputValue } from '@/lib/licensing/license-form';
import { maskLicenseKey } from '@/lib/licensing/license-key';

export const metadata: Metadata = { title: 'License' };

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-sm wrap-anywhere text-slate-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

export default async function LicensePage({ params, searchParams }: { params: Promise<{ licenseId: string }>; searchParams: Promise<{ seatsPage?: string | string[] }> }) {
  const { licenseId } = await params;
  await requireStaffPage(ADMIN_ONLY, `/admin/licenses/${licenseId}`);
  const { seatsPage } = await searchParams;
  const detail = await adminLicenseDetail(licenseId, new Date(), pageNumber(seatsPage));
  if (!detail) notFound();
  const { license, plan, product, seats, seatsUsed, files } = detail;
  return (
    <>
      <BackLink href="/admin/licenses">Licenses</BackLink>
      <PageHeader
        title={license.customerName || license.customerEmail || 'License'}
        description={<span className="font-mono">{maskLicenseKey(license.keyPrefix, license.keySuffix)}</span>}
        actions={<StatusBadge status={license.status} testId="license-status" />}
      />
      {license.status === 'suspended' && (
        <p className="mb-4 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="suspended-reason">
          Suspended: {license.suspendedReason}
        </p>
      )}
      <Section>
        <dl className="grid grid-cols-2 gap-5 md:grid-cols-4">
          <Fact label="Product · plan">
            <Link href={`/admin/plans/${plan.id}`} className="text-indigo-700 hover:underline">
              {product.name} · {plan.name}
            </Link>
          </Fact>
          <Fact label="Customer">
            {license.customerName || '—'}
            <span className="block text-xs text-slate-500">{license.customerEmail}</span>
          </Fact>
          <Fact label="Expires" testId="license-expiry">
            {formatDate(license.expiresAt, 'never')}
          </Fact>
          <Fact label="Seats in use" testId="license-seats">
            {seatsUsed} of {plan.seatLimit}
          </Fact>
          <Fact label="Lease terms">
            {formatDuration(plan.offlineTtlSeconds)} offline + {formatDuration(plan.graceSeconds)} grace
          </Fact>
          <Fact label="Issued">{formatDateTime(license.createdAt)}</Fact>
          <Fact label="Audit trail">
            <Link href={`/admin/audit?license=${license.id}`} className="text-indigo-700 hover:underline">
              All changes
            </Link>
          </Fact>
        </dl>
      </Section>
      <Section title="Change this license" className="mt-6">
        <LicenseActions
          licenseId={license.id}
          status={license.status}
          expiresOn={dateInputValue(license.expiresAt)}
          suspend={suspendLicenseAction}
          reinstate={reinstateLicenseAction}
          changeExpiry={changeExpiryAction}
        />
      </Section>
      <div className="mt-8 mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900">Seats</h2>
        <Link href={`/support/licenses/${license.id}`} className="text-sm text-indigo-700 underline underline-offset-2" data-testid="open-in-support">
          Release a seat or re-issue a file in the support console
        </Link>
      </div>
      <Table head={['Device', 'Activated', 'Lease ends', 'Grace ends', 'Status']} testId="seat-table" empty={seats.length === 0 ? <EmptyRow text="No machine has activated this license yet." /> : undefined}>
        {seats.map((seat) => (
          <tr key={seat.id}>
            <td className={cellClass}>
              <DeviceName name={seat.hostname} fallback="unnamed device" className="text-slate-900" testId="seat-device" />
              <DeviceName name={[seat.os, seat.appVersion && `app ${seat.appVersion}`].filter(Boolean).join(' · ')} fallback="" className="text-xs text-slate-600" />
              <span className="font-mono text-xs text-slate-600" title={seat.fingerprint}>
                {seat.fingerprint.slice(0, 12)}…
              </span>
            </td>
            <td className={cellClass}>{formatDateTime(seat.activatedAt)}</td>
            <td className={cellClass}>{formatDateTime(seat.leaseEndsAt)}</td>
            <td className={cellClass}>{formatDateTime(seat.graceEndsAt)}</td>
            <td className={cellClass}>
              <SeatStateBadge state={seat.state} />
              {seat.releaseReason && <div className="mt-1 max-w-64 text-xs wrap-anywhere text-slate-600">{seat.releaseReason}</div>}
            </td>
          </tr>
        ))}
      </Table>
      <SeatsPagination seatPage={detail.seatPage} hrefOf={(page) => `/admin/licenses/${license.id}?seatsPage=${page}`} />
      <h2 className="mt-8 mb-3 text-lg font-semibold text-slate-900">Issued license files</h2>
      <Table head={['Issued', 'Kind', 'Lease ends', 'Grace', 'Signing key', 'By']} testId="file-table" empty={files.length === 0 ? <EmptyRow text="No license file has been issued yet." /> : undefined}>
        {files.map((file) => (
          <tr key={file.id}>
            <td className={cellClass}>{formatDateTime(file.issuedAt)}</td>
            <td className={cellClass}>{file.kind}</td>
            <td className={cellClass}>{formatDateTime(file.leaseEndsAt)}</td>
            <td className={cellClass}>{formatDuration(file.graceSeconds)}</td>
            <td className={`${cellClass} font-mono text-xs`}>{file.kid}</td>
            <td className={cellClass}>{file.issuedBy}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}
