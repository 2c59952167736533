import { formatDateTime } from '@/components/format-date';
import { DeviceName } from '@/components/ui/device-name';
import { EmptyState, Section } from '@/components/ui/section';
import type { SupportLicenseDetail } from '@/lib/licensing/support-license-detail';

/** Usage counters the machines reported in their deactivation files. */
export function UsageTable({ usage }: { usage: SupportLicenseDetail['usage'] }) {
  return (
    <Section title="Usage reported at deactivation" testId="usage">
      {usage.length === 0 ? (
        <EmptyState>No machine has reported usage yet. Counters arrive with deactivation files.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {usage.map((record) => (
            <li key={record.id} className="py-2">
              <div className="flex justify-between gap-4">
                <DeviceName name={record.hostname} fallback="unnamed machine" className="min-w-0 font-medium text-slate-900" />
                <span className="text-xs text-slate-500">{formatDateTime(record.reportedAt)}</span>
              </div>
              <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-slate-600">
                {Object.entries(record.counters).map(([name, value]) => (
                  <div key={name} className="flex gap-1">
                    <dt className="font-mono text-xs">{name}</dt>
                    <dd className="tabular-nums">{value.toLocaleString('en')}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
