import { formatDate } from '@/components/format-date';
import { SeatTable } from '@/components/seat-table';
import { formatDuration } from '@/lib/licensing/durations';
import type { LicenseView } from '@/lib/licensing/license-view';

const STATUS: Record<LicenseView['status'], { label: string; className: string }> = {
  active: { label: 'Active', className: 'bg-emerald-50 text-emerald-700 ring-emerald-200' },
  suspended: { label: 'Suspended', className: 'bg-red-50 text-red-700 ring-red-200' },
  expired: { label: 'Expired', className: 'bg-slate-100 text-slate-700 ring-slate-300' },
};

/** A license as its owner sees it on My license: status, expiry, plan, seats. */
export function LicenseDetails({ license }: { license: LicenseView }) {
  const status = STATUS[license.status];
  const facts: Array<[string, string, string]> = [
    ['Product', license.product.name, 'license-product'],
    ['Plan', license.plan.name, 'license-plan'],
    ['Expires', license.expiresAt ? formatDate(license.expiresAt) : 'Never', 'license-expiry'],
    ['Seats in use', `${license.seatsUsed} of ${license.seatLimit}`, 'license-seats'],
    ['Works offline for', `${formatDuration(license.plan.offlineTtlSeconds)}, then ${formatDuration(license.plan.graceSeconds)} of grace`, 'license-offline'],
  ];
  return (
    <section className="space-y-5" data-testid="license-details">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="font-mono text-base text-slate-800">{license.maskedKey}</h2>
          <span data-testid="license-status" className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${status.className}`}>
            {status.label}
          </span>
        </div>
        {license.status === 'suspended' && (
          <p className="mt-2 text-sm text-red-700">
            Suspended{license.suspendedReason ? `: ${license.suspendedReason}` : ''}. Contact your vendor&apos;s support to have it reinstated.
          </p>
        )}
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
          {facts.map(([label, value, testId]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="font-medium text-slate-900" data-testid={testId}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      <SeatTable seats={license.seats} />
    </section>
  );
}
