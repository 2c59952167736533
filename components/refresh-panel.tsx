'use client';

import { useState, useTransition } from 'react';
import { LicenseFileSummary } from '@/components/license-file-summary';
import { FormError } from '@/components/form-error';
import { LicenseKeyForm } from '@/components/license-key-form';
import { callPortal } from '@/components/portal-call';
import { SeatTable } from '@/components/seat-table';
import type { IssuedLicenseFile } from '@/lib/licensing/issued-license-file';
import type { LicenseView } from '@/lib/licensing/license-view';

/** Refresh: enter the key, pick a seat, download a license file with a new lease. */
export function RefreshPanel() {
  const [licenseKey, setLicenseKey] = useState('');
  const [license, setLicense] = useState<LicenseView | null>(null);
  const [issued, setIssued] = useState<IssuedLicenseFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function lookUp(key: string) {
    // A stale answer must not stay on screen while the next look-up runs.
    setIssued(null);
    setError(null);
    startTransition(async () => {
      const result = await callPortal('lookup', { licenseKey: key });
      setLicenseKey(key);
      setLicense(result.ok ? result.license : null);
      setError(result.ok ? null : result.message);
    });
  }

  function refresh(seatId: string) {
    setError(null);
    startTransition(async () => {
      const result = await callPortal('refresh', { licenseKey, seatId });
      setIssued(result.ok ? result : null);
      setError(result.ok ? null : result.message);
      const updated = await callPortal('lookup', { licenseKey });
      if (updated.ok) setLicense(updated.license);
    });
  }

  return (
    <div className="space-y-6">
      <LicenseKeyForm onSubmit={lookUp} busy={pending} submitLabel="Show seats" />
      <FormError message={error} testId="refresh-error" />
      {license && (
        <section className="space-y-3">
          <h2 className="text-lg font-semibold">
            {license.product.name} · {license.plan.name} · {license.seatsUsed} of {license.seatLimit} seats in use
          </h2>
          <SeatTable
            seats={license.seats}
            action={(seat) =>
              seat.refreshable ? (
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => refresh(seat.id)}
                  data-testid="refresh-seat"
                  className="rounded-md border border-indigo-300 bg-indigo-50 px-3 py-1.5 text-sm font-medium text-indigo-800 hover:bg-indigo-100 disabled:opacity-60"
                >
                  Get refreshed file
                </button>
              ) : null
            }
          />
        </section>
      )}
      {issued && <LicenseFileSummary file={issued} heading={`New license file for ${issued.device.hostname || 'this machine'}`} />}
    </div>
  );
}
