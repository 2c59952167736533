'use client';

import { useState } from 'react';

/** Copies `text` to the clipboard and says so ("Copied") where the person is looking, and to screen readers. */
export function CopyButton({ text, label = 'Copy', testId }: { text: string; label?: string; testId?: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      // Without clipboard permission (or on plain http), the text stays selectable by hand.
      setCopied('no');
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={() => void copy()}
        className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
        data-testid={testId}
      >
        {label}
      </button>
      <span role="status" className="text-xs text-slate-600">
        {copied === 'yes' ? 'Copied' : copied === 'no' ? 'Select the text and copy it by hand' : ''}
      </span>
    </span>
  );
}
