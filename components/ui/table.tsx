import type { ReactNode } from 'react';

/** A column heading; `{ label, align: 'right' }` lines it up with right-aligned cells. */
export type HeadCell = ReactNode | { label: ReactNode; align: 'right' };

function isAligned(cell: HeadCell): cell is { label: ReactNode; align: 'right' } {
  return typeof cell === 'object' && cell !== null && 'align' in cell;
}

const FRAMES = {
  card: { wrapper: 'overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm', table: 'divide-y divide-slate-200', head: 'bg-slate-50' },
  /** Inside a Section: the card is already drawn, so the table bleeds to its edges and its outer columns line up with the Section's title. */
  inset: { wrapper: '-mx-5 overflow-x-auto [&_td:first-child]:pl-5 [&_td:last-child]:pr-5 [&_th:first-child]:pl-5 [&_th:last-child]:pr-5', table: '', head: '' },
} as const;

/**
 * The one table of the app: admin lists, the support console and the portal's seats.
 *
 * @example
 * <Table head={['Device', { label: 'Seats', align: 'right' }]} testId="seat-table" empty={rows.length === 0 ? <EmptyRow text="No seats." /> : undefined}>
 *   {rows.map((row) => <tr key={row.id}><td className={cellClass}>{row.name}</td></tr>)}
 * </Table>
 */
export function Table({ head, children, testId, empty, frame = 'card', footer }: { head: HeadCell[]; children: ReactNode; testId?: string; empty?: ReactNode; frame?: keyof typeof FRAMES; footer?: ReactNode }) {
  return (
    <div className={FRAMES[frame].wrapper}>
      <table className={`min-w-full text-sm ${FRAMES[frame].table}`} data-testid={testId}>
        <thead className={FRAMES[frame].head}>
          <tr>
            {head.map((cell, i) => (
              <th key={i} scope="col" className={`px-4 py-2.5 text-xs font-semibold tracking-wide text-slate-500 uppercase ${isAligned(cell) ? 'text-right' : 'text-left'}`}>
                {isAligned(cell) ? cell.label : cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
      {empty}
      {footer}
    </div>
  );
}

export const cellClass = 'px-4 py-3 align-top text-slate-700';

export function EmptyRow({ text }: { text: string }) {
  return <p className="px-4 py-8 text-center text-sm text-slate-500">{text}</p>;
}
