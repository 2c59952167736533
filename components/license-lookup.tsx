'use client';

import { useState, useTransition } from 'react';
import { lookupLicenseAction } from '@/app/license/actions';
import { LicenseDetails } from '@/components/license-details';
import { LicenseKeyForm } from '@/components/license-key-form';
import type { LicenseView } from '@/lib/licensing/license-view';

/** My license: enter the key, see the license and its seats. */
export function LicenseLookup() {
  const [license, setLicense] = useState<LicenseView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function lookUp(licenseKey: string) {
    startTransition(async () => {
      const result = await lookupLicenseAction({ licenseKey });
      setLicense(result.ok ? result.license : null);
      setError(result.ok ? null : result.message);
    });
  }

  return (
    <div className="space-y-6">
      <LicenseKeyForm onSubmit={lookUp} busy={pending} submitLabel="Show license" />
      {error && (
        <p role="alert" data-testid="lookup-error" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {error}
        </p>
      )}
      {license && <LicenseDetails license={license} />}
    </div>
  );
}
