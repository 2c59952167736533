'use client';

import { useEffect, useId, useRef } from 'react';
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
 * What a person needs after a license file was issued: the download first, then a
 * summary in words (product, plan, device, lease end, grace end, seats used of the limit).
 *
 * When it appears, the heading takes focus and the panel scrolls into view, so keyboard
 * and screen-reader users land on the result (the upload button they used is busy while
 * the file is checked); the heading and its next step sit in a status region, announced.
 */
export function LicenseFileSummary({ file, heading }: { file: IssuedLicenseFile; heading: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => {
    const target = headingRef.current;
    if (!target) return;
    target.focus({ preventScroll: true });
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.closest('section')?.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'auto' : 'smooth' });
  }, [file]);

  const facts = [
    { label: 'Product', value: file.product.name, testId: 'summary-product' },
    { label: 'Plan', value: file.plan.name, testId: 'summary-plan' },
    { label: 'Device', value: [file.device.hostname || 'Unnamed machine', file.device.os].filter(Boolean).join(' · '), testId: 'summary-device' },
    { label: 'Works offline until', value: formatDateTime(file.leaseEndsAt), testId: 'summary-lease-end' },
    { label: 'Grace period ends', value: `${formatDateTime(file.graceEndsAt)} (${formatDuration(file.graceSeconds)} after)`, testId: 'summary-grace-end' },
    { label: 'Seats in use', value: `${file.seatsUsed} of ${file.seatLimit}`, testId: 'summary-seats' },
  ];
  return (
    <section data-testid="license-file-summary" aria-labelledby={headingId} className="scroll-mt-4 rounded-xl border border-emerald-300 bg-white p-5 shadow-sm sm:p-6">
      <div role="status" data-testid="license-file-status">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-lg font-semibold wrap-anywhere text-emerald-800">
          {heading}
        </h2>
        <p className="mt-1 text-sm text-slate-700">Next: download the license file, copy it to the machine and open it in the application (Help → Install license file).</p>
      </div>
      <div className="mt-4">
        <DownloadLicenseFile fileName={file.fileName} licenseFile={file.licenseFile} />
      </div>
      <FactList facts={facts} />
      <p className="mt-4 text-xs text-slate-600">The lease end is set by {LIMITED_BY[file.limitedBy]}. Refresh the license before then to keep working.</p>
    </section>
  );
}
