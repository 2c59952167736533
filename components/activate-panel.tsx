'use client';

import { useState, useTransition } from 'react';
import { activateAction } from '@/app/actions';
import { ArtifactDropZone, type UploadPhase } from '@/components/artifact-drop-zone';
import { LicenseFileSummary } from '@/components/license-file-summary';
import type { Activation } from '@/lib/licensing/activate';

/** The Activate page's interactive part: upload a request, get the license file. */
export function ActivatePanel() {
  const [phase, setPhase] = useState<UploadPhase>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [activation, setActivation] = useState<Activation | null>(null);
  const [, startTransition] = useTransition();

  function submit(requestText: string) {
    setPhase({ step: 'sending' });
    setActivation(null);
    startTransition(async () => {
      const result = await activateAction({ requestText });
      setPhase({ step: 'idle' });
      if (result.ok) {
        setError(null);
        setActivation(result);
      } else {
        setError(result.message);
      }
    });
  }

  return (
    <div className="space-y-6">
      <ArtifactDropZone kind="request" onText={submit} phase={phase} onPhase={setPhase} error={error} onError={setError} />
      {activation && (
        <LicenseFileSummary
          file={activation}
          heading={activation.refreshed ? 'This machine was already activated: here is a renewed license file' : 'Machine activated'}
        />
      )}
    </div>
  );
}
