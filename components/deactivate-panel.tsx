'use client';

import { useState, useTransition } from 'react';
import { deactivateAction } from '@/app/deactivate/actions';
import { ArtifactDropZone, type UploadPhase } from '@/components/artifact-drop-zone';
import type { Deactivation } from '@/lib/licensing/deactivate';

/** The Deactivate page's interactive part: upload a deactivation file, see the freed seat. */
export function DeactivatePanel() {
  const [phase, setPhase] = useState<UploadPhase>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Deactivation | null>(null);
  const [, startTransition] = useTransition();

  function submit(deactivationText: string) {
    setPhase({ step: 'sending' });
    setResult(null);
    startTransition(async () => {
      const outcome = await deactivateAction({ deactivationText });
      setPhase({ step: 'idle' });
      if (outcome.ok) {
        setError(null);
        setResult(outcome);
      } else {
        setError(outcome.message);
      }
    });
  }

  return (
    <div className="space-y-6">
      <ArtifactDropZone kind="deactivation" onText={submit} phase={phase} onPhase={setPhase} error={error} onError={setError} />
      {result && (
        <section
          role="status"
          data-testid="deactivation-result"
          className={`rounded-xl border p-6 shadow-sm ${result.alreadyDeactivated ? 'border-amber-200 bg-amber-50' : 'border-emerald-200 bg-white'}`}
        >
          <h2 className={`text-lg font-semibold ${result.alreadyDeactivated ? 'text-amber-900' : 'text-emerald-800'}`}>
            {result.alreadyDeactivated ? 'Nothing changed' : 'Seat released'}
          </h2>
          <p className="mt-2 text-slate-700" data-testid="deactivation-message">
            {result.message}
          </p>
          <p className="mt-3 text-sm text-slate-500" data-testid="deactivation-seats">
            {result.product.name}: {result.seatsUsed} of {result.seatLimit} seats in use, {result.seatsFree} free.
          </p>
        </section>
      )}
    </div>
  );
}
