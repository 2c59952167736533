'use client';

import { useState, type FormEvent } from 'react';
import { inputClass } from '@/components/ui/field-styles';

/** Asks for the license key (the end user's only credential); never puts it in the URL. */
export function LicenseKeyForm({ onSubmit, busy, submitLabel }: { onSubmit: (licenseKey: string) => void; busy: boolean; submitLabel: string }) {
  const [licenseKey, setLicenseKey] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(licenseKey);
  }
  // method="post": a submit before the page's script runs must not put the key in the address.
  return (
    <form method="post" onSubmit={submit} className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <label className="flex-1 text-sm font-medium text-slate-700">
        License key
        <input
          name="licenseKey"
          data-testid="license-key-input"
          value={licenseKey}
          onChange={(event) => setLicenseKey(event.target.value)}
          placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"
          autoComplete="off"
          spellCheck={false}
          className={`mt-1 ${inputClass} font-mono uppercase placeholder:normal-case`}
        />
      </label>
      <button
        type="submit"
        disabled={busy}
        data-testid="license-key-submit"
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60"
      >
        {busy ? 'Looking up…' : submitLabel}
      </button>
    </form>
  );
}
