'use client';

import { useEffect, useState } from 'react';

/** A download link for a license file the portal just signed (it is never stored). */
export function DownloadLicenseFile({ fileName, licenseFile }: { fileName: string; licenseFile: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(new Blob([licenseFile], { type: 'application/octet-stream' }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [licenseFile]);
  return (
    <a
      href={url ?? undefined}
      download={fileName}
      aria-disabled={!url}
      data-testid="download-license"
      className="inline-flex max-w-full items-center gap-2 rounded-md bg-emerald-700 px-5 py-3 text-base font-semibold text-white shadow-sm hover:bg-emerald-800"
    >
      <span aria-hidden>↓</span>
      <span className="break-words">Download {fileName}</span>
    </a>
  );
}
