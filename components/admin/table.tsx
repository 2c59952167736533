import type { ReactNode } from 'react';

export function Table({ head, children, testId, empty }: { head: ReactNode[]; children: ReactNode; testId?: string; empty?: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
        <thead className="bg-slate-50">
          <tr>
            {head.map((cell, i) => (
              <th key={i} scope="col" className="px-4 py-2.5 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
      {empty}
    </div>
  );
}

export const cellClass = 'px-4 py-3 align-top text-slate-700';

export function EmptyRow({ text }: { text: string }) {
  return <p className="px-4 py-8 text-center text-sm text-slate-500">{text}</p>;
}
