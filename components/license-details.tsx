import { FactList } from '@/components/fact-list';
import { formatDate } from '@/components/format-date';
import { LicenseStatusBadge } from '@/components/license-status-badge';
import { SeatTable } from '@/components/seat-table';
import { SeatsPagination } from '@/components/ui/pagination';
import { formatDuration } from '@/lib/licensing/durations';
import type { LicenseView } from '@/lib/licensing/license-view';
import { SEATS_IN_USE_LABEL, seatsInUse } from '@/lib/core/license-words';

/** A license as its owner sees it on My license: status, expiry, plan, seats (`onSeatsPage` turns their pages). */
export function LicenseDetails({ license, onSeatsPage }: { license: LicenseView; onSeatsPage?: (page: number) => void }) {
  const facts = [
    { label: 'Product', value: license.product.name, testId: 'license-product' },
    { label: 'Plan', value: license.plan.name, testId: 'license-plan' },
    { label: 'Expires', value: license.expiresAt ? formatDate(license.expiresAt) : 'Never', testId: 'license-expiry' },
    { label: SEATS_IN_USE_LABEL, value: seatsInUse(license), testId: 'license-seats' },
    {
      label: 'Works offline for',
      value: `${formatDuration(license.plan.offlineTtlSeconds)}, then ${formatDuration(license.plan.graceSeconds)} of grace`,
      testId: 'license-offline',
    },
  ];
  return (
    <section className="space-y-5" data-testid="license-details">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="font-mono text-base text-slate-800">{license.maskedKey}</h2>
          <LicenseStatusBadge status={license.status} />
        </div>
        {license.status === 'suspended' && (
          <p className="mt-2 text-sm text-red-700">
            Suspended{license.suspendedReason ? `: ${license.suspendedReason}` : ''}. Contact your vendor&apos;s support to have it reinstated.
          </p>
        )}
        <FactList facts={facts} />
      </div>
      <div>
        <SeatTable seats={license.seats} />
        <SeatsPagination seatPage={license.seatPage} onPage={onSeatsPage} />
      </div>
    </section>
  );
}
