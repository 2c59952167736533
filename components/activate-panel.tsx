'use client';

import { ArtifactDropZone } from '@/components/artifact-drop-zone';
import { LicenseFileSummary } from '@/components/license-file-summary';
import { callPortal } from '@/components/portal-call';
import { useArtifactUpload } from '@/components/use-artifact-upload';

/** The Activate page's interactive part: upload a request, get the license file. */
export function ActivatePanel() {
  const { result: activation, dropZone } = useArtifactUpload((requestText) => callPortal('activate', { requestText }));
  return (
    <div className="space-y-6">
      <ArtifactDropZone kind="request" {...dropZone} />
      {activation && (
        <LicenseFileSummary
          file={activation}
          heading={activation.refreshed ? 'This machine was already activated: here is a renewed license file' : 'Machine activated'}
        />
      )}
    </div>
  );
}
