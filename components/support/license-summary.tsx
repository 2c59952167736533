import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatDate } from '@/components/format-date';
import { LicenseStatusBadge } from '@/components/license-status-badge';
import { formatDuration } from '@/lib/licensing/durations';
import type { StaffArea, SupportLicenseDetail } from '@/lib/licensing/support-license-detail';
import { SEATS_IN_USE_LABEL, seatsInUse } from '@/lib/core/license-words';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm break-words text-slate-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/**
 * The head of a license's page on the admin and support consoles alike: key, customer,
 * plan, status, expiry, seats. The admin's page shows the key masked (keys are shown in
 * full once, at issue) and links the plan to its editor.
 */
export function LicenseSummary({ license, area }: { license: SupportLicenseDetail; area: StaffArea }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="license-summary">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 text-xl font-semibold tracking-tight wrap-anywhere" data-testid="license-customer">
          {license.customerName || license.customerEmail || 'Unnamed customer'}
        </h1>
        <LicenseStatusBadge status={license.status} />
      </div>
      {license.unusableReason && <p className="mt-2 text-sm text-amber-800">{license.unusableReason}</p>}
      <div className="mt-4 rounded-lg bg-slate-50 px-4 py-3">
        <div className="text-xs font-medium uppercase tracking-wide text-slate-500">License key</div>
        <div className="mt-1 font-mono text-lg tracking-wider text-slate-900 select-all" data-testid="license-key">
          {area === 'admin' ? license.maskedKey : license.key}
        </div>
      </div>
      <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-4 sm:grid-cols-2 md:grid-cols-4">
        <Fact label="Customer email">{license.customerEmail || '—'}</Fact>
        <Fact label="Product · plan">
          {area === 'admin' ? (
            <Link href={`/admin/plans/${license.plan.id}`} className="text-indigo-700 underline underline-offset-2">
              {license.product.name} · {license.plan.name}
            </Link>
          ) : (
            `${license.product.name} · ${license.plan.name}`
          )}
        </Fact>
        <Fact label="Expires" testId="license-expiry">
          {license.expiresAt ? formatDate(license.expiresAt) : 'Never (perpetual)'}
        </Fact>
        <Fact label={SEATS_IN_USE_LABEL} testId="license-seats">
          {seatsInUse({ seatsUsed: license.seatsUsed, seatLimit: license.plan.seatLimit })}
        </Fact>
        <Fact label="Offline lease">{formatDuration(license.plan.offlineTtlSeconds)}</Fact>
        <Fact label="Grace after lease">{formatDuration(license.plan.graceSeconds)}</Fact>
        <Fact label="Issued">{formatDate(license.createdAt)}</Fact>
        {license.suspendedReason && (
          <Fact label="Suspended because" testId="suspended-reason">
            {license.suspendedReason}
          </Fact>
        )}
      </dl>
    </section>
  );
}
