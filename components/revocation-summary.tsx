'use client';

import { useEffect, useState } from 'react';
import { formatDateTime } from '@/components/format-date';
import { FormError } from '@/components/form-error';
import { callPortal } from '@/components/portal-call';

type Summary = { sequence: number; issuedAt: Date; size: number };

/** The /revocations page's facts about the current list: its sequence, when it was signed, how many entries. */
export function RevocationSummary() {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void callPortal('revocations', {}).then((result) => {
      setSummary(result.ok ? result : null);
      setError(result.ok ? null : result.message);
    });
  }, []);

  return (
    <>
      <FormError message={error} testId="revocation-error" />
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-white p-5 text-sm" data-testid="revocation-list" aria-busy={!summary && !error}>
        <dt className="text-slate-500">Sequence</dt>
        <dd className="font-medium text-slate-900" data-testid="revocation-sequence">
          {summary ? `#${summary.sequence}` : '…'}
        </dd>
        <dt className="text-slate-500">Signed</dt>
        <dd className="text-slate-900">{summary ? formatDateTime(summary.issuedAt) : '…'}</dd>
        <dt className="text-slate-500">Entries</dt>
        <dd className="text-slate-900">{summary ? summary.size : '…'}</dd>
      </dl>
    </>
  );
}
