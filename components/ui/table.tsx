import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';

/**
 * A column heading. `{ label, align: 'right' }` lines it up with right-aligned cells;
 * `{ label, hidden: true }` names a column (e.g. "Actions") for screen readers only;
 * `{ label, sort }` is a sortable column (components/ui/sort-header.tsx): `sort` is its
 * `aria-sort`, and its `text` names the column on phones.
 */
export type HeadCell = ReactNode | HeadObject;

type HeadObject = { label: ReactNode; align?: 'right'; hidden?: boolean; sort?: 'ascending' | 'descending' | 'none'; text?: string; after?: ReactNode };

function isHeadObject(cell: HeadCell): cell is HeadObject {
  return typeof cell === 'object' && cell !== null && 'label' in cell;
}

// `relative`: the scroll box is the containing block of the header's screen-reader-only
// labels (absolutely positioned), so a wide table scrolls inside it instead of widening the page.
const FRAMES = {
  card: { wrapper: 'relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm', table: 'divide-y divide-slate-200', head: 'bg-slate-50' },
  /** Inside a Section: the card is already drawn, so the table bleeds to its edges and its outer columns line up with the Section's title. */
  inset: { wrapper: 'relative -mx-5 overflow-x-auto [&_td:first-child]:pl-5 [&_td:last-child]:pr-5 [&_th:first-child]:pl-5 [&_th:last-child]:pr-5', table: '', head: '' },
} as const;

/**
 * On phones the table stacks into one card per row (app/globals.css `.table-stack`), and
 * each cell shows its column's name from `data-label`. The rows are written inline
 * (`rows.map((row) => <tr><td>…`), so the labels are set here, once, from `head`.
 */
function labelCells(rows: ReactNode, labels: Array<string | undefined>): ReactNode {
  return Children.map(rows, (row) => {
    if (!isValidElement<{ children?: ReactNode }>(row) || row.type !== 'tr') return row;
    let column = 0;
    const cells = Children.map(row.props.children, (cell) => {
      if (!isValidElement(cell) || cell.type !== 'td') return cell;
      const label = labels[column++];
      return label ? cloneElement(cell as ReactElement<Record<string, unknown>>, { 'data-label': label }) : cell;
    });
    return cloneElement(row, undefined, cells);
  });
}

/**
 * The one table of the app: admin lists, the support console and the portal's seats.
 * Below 640px it becomes stacked cards, so no action sits off-screen in a sideways scroll.
 *
 * @example
 * <Table head={['Device', { label: 'Seats', align: 'right' }, { label: 'Actions', hidden: true }]} testId="seat-table" empty={rows.length === 0 ? <EmptyRow text="No seats." /> : undefined}>
 *   {rows.map((row) => <tr key={row.id}><td className={cellClass}>{row.name}</td>…</tr>)}
 * </Table>
 */
export function Table({ head, children, testId, empty, frame = 'card', footer }: { head: HeadCell[]; children: ReactNode; testId?: string; empty?: ReactNode; frame?: keyof typeof FRAMES; footer?: ReactNode }) {
  const labels = head.map((cell) => {
    const label = isHeadObject(cell) ? (cell.hidden ? undefined : (cell.text ?? cell.label)) : cell;
    return typeof label === 'string' ? label : undefined;
  });
  return (
    <div className={FRAMES[frame].wrapper}>
      <table className={`table-stack min-w-full text-sm ${FRAMES[frame].table}`} data-testid={testId}>
        <thead className={FRAMES[frame].head}>
          <tr>
            {head.map((cell, i) => {
              const { label, align, hidden, sort, after } = isHeadObject(cell) ? cell : { label: cell, align: undefined, hidden: false, sort: undefined, after: undefined };
              return (
                <th key={i} scope="col" aria-sort={sort === 'none' ? undefined : sort} className={`px-4 py-2.5 text-xs font-semibold tracking-wide text-slate-600 uppercase ${align === 'right' ? 'text-right' : 'text-left'}`}>
                  {hidden ? <span className="sr-only">{label}</span> : label}
                  {after}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{labelCells(children, labels)}</tbody>
      </table>
      {empty}
      {footer}
    </div>
  );
}

export const cellClass = 'px-4 py-3 align-top text-slate-700';

export function EmptyRow({ text }: { text: string }) {
  return <p className="px-4 py-8 text-center text-sm text-slate-600">{text}</p>;
}
