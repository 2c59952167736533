'use client';

import { toCsv } from '@/components/csv';
import { CopyButton } from '@/components/ui/copy-button';

export interface IssuedBatch {
  licenses: { id: string; key: string }[];
  product: string;
  plan: string;
  customerName: string;
  customerEmail: string;
  expiresAt: string;
}

/** RFC 4180 CSV of a batch; cells that a spreadsheet would run as formulas are defused. */
function issuedKeysCsv(batch: IssuedBatch): string {
  const head = ['license_key', 'license_id', 'product', 'plan', 'customer_name', 'customer_email', 'expires_at'];
  const rows = batch.licenses.map((l) => [l.key, l.id, batch.product, batch.plan, batch.customerName, batch.customerEmail, batch.expiresAt]);
  return toCsv(head, rows);
}

/** The keys of a batch, shown in full this once, with a CSV download made in the browser. */
export function IssuedKeys({ batch, onDone }: { batch: IssuedBatch; onDone: () => void }) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([issuedKeysCsv(batch)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `gatepass-licenses-${batch.product}-${batch.plan}-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="space-y-4" data-testid="issued-keys">
      <div className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        <p className="font-medium">
          {batch.licenses.length === 1 ? '1 license issued.' : `${batch.licenses.length} licenses issued.`} Copy or download the keys now: this page shows them only once.
        </p>
        <p className="mt-1">Gatepass stores each key hashed and encrypted; support can look a license up by key or customer later.</p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={download} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500" data-testid="download-csv">
          Download CSV
        </button>
        <CopyButton text={batch.licenses.map((license) => license.key).join('\n')} label={batch.licenses.length === 1 ? 'Copy key' : 'Copy all keys'} testId="copy-keys" />
        <button type="button" onClick={onDone} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
          Issue more
        </button>
      </div>
      <ol className="max-h-96 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200 bg-white">
        {batch.licenses.map((license, i) => (
          <li key={license.id} className="flex items-center justify-between gap-4 px-4 py-2 text-sm">
            <span className="w-8 text-slate-500">{i + 1}</span>
            <code className="flex-1 font-mono text-base tracking-wide text-slate-900 select-all" data-testid="issued-key">
              {license.key}
            </code>
            <a href={`/admin/licenses/${license.id}`} className="text-indigo-700 underline underline-offset-2">
              Open
            </a>
          </li>
        ))}
      </ol>
    </div>
  );
}
