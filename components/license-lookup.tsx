'use client';

import { useState, useTransition } from 'react';
import { lookupLicenseAction } from '@/app/license/actions';
import { LicenseDetails } from '@/components/license-details';
import { FormError } from '@/components/form-error';
import { LicenseKeyForm } from '@/components/license-key-form';
import type { LicenseView } from '@/lib/licensing/license-view';

/** My license: enter the key, see the license and its seats. */
export function LicenseLookup() {
  const [license, setLicense] = useState<LicenseView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function lookUp(licenseKey: string) {
    // A stale answer must not stay on screen while the next look-up runs.
    setError(null);
    setLicense(null);
    startTransition(async () => {
      const result = await lookupLicenseAction({ licenseKey });
      setLicense(result.ok ? result.license : null);
      setError(result.ok ? null : result.message);
    });
  }

  return (
    <div className="space-y-6">
      <LicenseKeyForm onSubmit={lookUp} busy={pending} submitLabel="Show license" />
      <FormError message={error} testId="lookup-error" />
      {license && <LicenseDetails license={license} />}
    </div>
  );
}
