import { DownloadLicenseFile } from '@/components/download-license-file';
import { FactList } from '@/components/fact-list';
import { formatDateTime } from '@/components/format-date';
import { formatDuration } from '@/lib/licensing/durations';
import type { IssuedLicenseFile } from '@/lib/licensing/issued-license-file';

const LIMITED_BY: Record<IssuedLicenseFile['limitedBy'], string> = {
  'offline-ttl': "the plan's offline period",
  'requested-duration': 'the duration the application asked for',
  'license-expiry': "the license's own expiry",
};

/**
 * What a person needs after a license file was issued: the download, and a summary
 * in words (product, plan, device, lease end, grace end, seats used of the limit).
 */
export function LicenseFileSummary({ file, heading }: { file: IssuedLicenseFile; heading: string }) {
  const facts = [
    { label: 'Product', value: file.product.name, testId: 'summary-product' },
    { label: 'Plan', value: file.plan.name, testId: 'summary-plan' },
    { label: 'Device', value: [file.device.hostname || 'Unnamed machine', file.device.os].filter(Boolean).join(' · '), testId: 'summary-device' },
    { label: 'Works offline until', value: formatDateTime(file.leaseEndsAt), testId: 'summary-lease-end' },
    { label: 'Grace period ends', value: `${formatDateTime(file.graceEndsAt)} (${formatDuration(file.graceSeconds)} after)`, testId: 'summary-grace-end' },
    { label: 'Seats in use', value: `${file.seatsUsed} of ${file.seatLimit}`, testId: 'summary-seats' },
  ];
  return (
    <section data-testid="license-file-summary" className="rounded-xl border border-emerald-200 bg-white p-6 shadow-sm">
      <h2 className="text-lg font-semibold wrap-anywhere text-emerald-800">{heading}</h2>
      <FactList facts={facts} />
      <p className="mt-4 text-xs text-slate-500">The lease end is set by {LIMITED_BY[file.limitedBy]}. Refresh the license before then to keep working.</p>
      <div className="mt-5 flex flex-wrap items-center gap-4">
        <DownloadLicenseFile fileName={file.fileName} licenseFile={file.licenseFile} />
        <span className="text-sm text-slate-600">Copy it to the machine and open it in the application (Help → Install license file).</span>
      </div>
    </section>
  );
}
