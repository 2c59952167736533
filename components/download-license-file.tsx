'use client';

import { useEffect, useMemo, useRef } from 'react';

/**
 * A download link for a license file the portal just signed (it is never stored).
 *
 * The link has its file from the first render (a click cannot come before the file), and
 * the object URL is revoked when the link goes away or gets another file. The revoke waits
 * a tick and a remount with the same URL cancels it: React's development Strict Mode
 * unmounts and remounts every effect once, and must not leave the link pointing at nothing.
 */
export function DownloadLicenseFile({ fileName, licenseFile }: { fileName: string; licenseFile: string }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([licenseFile], { type: 'application/octet-stream' })), [licenseFile]);
  const pendingRevoke = useRef<{ url: string; timer: number } | null>(null);
  useEffect(() => {
    if (pendingRevoke.current?.url === url) {
      window.clearTimeout(pendingRevoke.current.timer);
      pendingRevoke.current = null;
    }
    return () => {
      pendingRevoke.current = { url, timer: window.setTimeout(() => URL.revokeObjectURL(url), 0) };
    };
  }, [url]);
  return (
    <a
      href={url}
      download={fileName}
      data-testid="download-license"
      className="inline-flex max-w-full items-center gap-2 rounded-md bg-emerald-700 px-5 py-3 text-base font-semibold text-white shadow-sm hover:bg-emerald-800"
    >
      <span aria-hidden>↓</span>
      <span className="break-words">Download {fileName}</span>
    </a>
  );
}
