import Link from 'next/link';
import { searchHref } from '@/components/ui/pagination';

type SortDirection = 'asc' | 'desc';

/** One sortable column: its name, its `sort` value, and the way it sorts first. */
export interface SortColumn {
  label: string;
  column: string;
  first: SortDirection;
}

interface SortContext {
  current: { key: string; direction: SortDirection };
  basePath: string;
  params: Record<string, string>;
}

/** Where choosing a column leads (its usual way first; the current one turned round), its arrow and what a screen reader hears. */
function sortLink({ column, first }: SortColumn, { current, basePath, params }: SortContext) {
  const active = current.key === column;
  const next = active ? (current.direction === 'asc' ? 'desc' : 'asc') : first;
  return {
    active,
    href: searchHref(basePath, { ...params, sort: column, dir: next }),
    arrow: active ? (current.direction === 'asc' ? '↑' : '↓') : '↕',
    said: next === 'asc' ? 'ascending' : 'descending',
    ariaSort: active ? (current.direction === 'asc' ? ('ascending' as const) : ('descending' as const)) : ('none' as const),
  };
}

/**
 * A sortable column heading for `Table`: a link (so a keyboard reaches it and the order
 * survives a reload), the current column marked with `aria-sort` and an arrow. Choosing a
 * column sorts it its usual way (`first`); choosing the current one turns it round. The
 * link starts again at the first page and keeps the other parameters (search, filters).
 * On phones the table's head is hidden: {@link SortBar} shows the same links there.
 *
 * @example
 * sortHeader({ label: 'Customer', column: 'customer', first: 'asc' }, { current: order, basePath: '/admin/licenses', params: { q, status } })
 */
export function sortHeader(column: SortColumn, context: SortContext) {
  const link = sortLink(column, context);
  return {
    text: column.label,
    sort: link.ariaSort,
    label: (
      // Out of the tab order on phones, where the head is hidden and the sort bar has the same links.
      <Link href={link.href} className={`sort-head-link inline-flex items-center gap-1 rounded uppercase hover:text-slate-900 ${link.active ? 'text-slate-900' : ''}`} data-testid={`sort-${column.column}`}>
        {column.label}
        <span className="sr-only">, sort {link.said}</span>
        <span aria-hidden className={link.active ? '' : 'text-slate-500'}>
          {link.arrow}
        </span>
      </Link>
    ),
    // The column's name for screen readers on phones, where the link is out of reach (app/globals.css).
    after: <span className="sort-head-text hidden">{column.label}</span>,
  };
}

/** The sort links of a list on phones (below 640px), where the table's head is hidden. */
export function SortBar({ columns, context, testId }: { columns: SortColumn[]; context: SortContext; testId?: string }) {
  return (
    <nav aria-label="Sort by" className="mb-3 flex flex-wrap items-center gap-1 text-sm sm:hidden" data-testid={testId}>
      <span className="mr-1 text-slate-600">Sort by</span>
      {columns.map((column) => {
        const link = sortLink(column, context);
        return (
          <Link
            key={column.column}
            href={link.href}
            aria-current={link.active ? 'true' : undefined}
            className={`rounded-md px-2 py-1 ${link.active ? 'bg-indigo-50 font-medium text-indigo-800 ring-1 ring-indigo-200' : 'text-slate-700 hover:bg-slate-100'}`}
          >
            {column.label}
            <span className="sr-only">, sort {link.said}</span> <span aria-hidden>{link.arrow}</span>
          </Link>
        );
      })}
    </nav>
  );
}
