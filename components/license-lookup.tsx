'use client';

import { useState, useTransition } from 'react';
import { LicenseDetails } from '@/components/license-details';
import { FormError } from '@/components/form-error';
import { LicenseKeyForm } from '@/components/license-key-form';
import { callPortal } from '@/components/portal-call';
import type { LicenseView } from '@/lib/licensing/license-view';

/** My license: enter the key, see the license and its seats, a page at a time. */
export function LicenseLookup() {
  const [license, setLicense] = useState<LicenseView | null>(null);
  const [licenseKey, setLicenseKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  // The key stays in this page's memory, never in the URL: it is the owner's credential.
  function lookUp(key: string, seatsPage = 1) {
    startTransition(async () => {
      const result = await callPortal('lookup', { licenseKey: key, seatsPage });
      setLicenseKey(key);
      setLicense(result.ok ? result.license : null);
      setError(result.ok ? null : result.message);
    });
  }

  // A new key is a new look-up: a stale answer must not stay on screen while it runs.
  // (Turning a page of seats keeps the license on screen until the next page arrives.)
  function lookUpNewKey(key: string) {
    setError(null);
    setLicense(null);
    lookUp(key);
  }

  return (
    <div className="space-y-6">
      <LicenseKeyForm onSubmit={lookUpNewKey} busy={pending} submitLabel="Show license" />
      <FormError message={error} testId="lookup-error" />
      {license && <LicenseDetails license={license} onSeatsPage={(page) => lookUp(licenseKey, page)} />}
    </div>
  );
}
