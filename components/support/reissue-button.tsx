'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** The file name the server chose (Content-Disposition), or a safe default. */
function fileNameOf(response: Response): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '');
  return match?.[1] ?? 'license.lic';
}

/**
 * Downloads a freshly signed license file for a seat (issue 6 "Re-issue"). The route
 * answers the file, or a JSON error whose message is shown beside the button.
 */
export function ReissueButton({ seatId }: { seatId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function reissue() {
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/support/seats/${encodeURIComponent(seatId)}/reissue`, { method: 'POST' });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? 'The file could not be issued. Reload the page and try again.');
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = fileNameOf(response);
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      // The new file shows in the seat's lease and the file history.
      router.refresh();
    } catch {
      setError('The portal could not be reached. Check the connection and try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        onClick={reissue}
        disabled={pending}
        className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? 'Issuing…' : 'Re-issue file'}
      </button>
      {error && (
        <span role="alert" className="max-w-56 text-right text-xs text-red-700" data-testid="reissue-error">
          {error}
        </span>
      )}
    </span>
  );
}
