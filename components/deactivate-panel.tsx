'use client';

import { ArtifactDropZone } from '@/components/artifact-drop-zone';
import { callPortal } from '@/components/portal-call';
import { useArtifactUpload } from '@/components/use-artifact-upload';
import { SEATS_IN_USE_LABEL, seatsInUse } from '@/lib/core/license-words';

/** The Deactivate page's interactive part: upload a deactivation file, see the freed seat. */
export function DeactivatePanel() {
  const { result, dropZone } = useArtifactUpload((deactivationText) => callPortal('deactivate', { deactivationText }));
  return (
    <div className="space-y-6">
      <ArtifactDropZone kind="deactivation" {...dropZone} />
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
            {result.product.name} · {SEATS_IN_USE_LABEL}: {seatsInUse(result)}
          </p>
        </section>
      )}
    </div>
  );
}
