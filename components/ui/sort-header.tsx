import Link from 'next/link';
import { searchHref } from '@/components/ui/pagination';

export type SortDirection = 'asc' | 'desc';

/**
 * A sortable column heading for `Table`: a link (so a keyboard reaches it and the order
 * survives a reload), the current column marked with `aria-sort` and an arrow. Choosing a
 * column sorts it its usual way (`first`); choosing the current one turns it round. The
 * link starts again at the first page and keeps the other parameters (search, filters).
 *
 * @example
 * sortHeader({ label: 'Customer', column: 'customer', first: 'asc', current: order, basePath: '/admin/licenses', params: { q, status } })
 */
export function sortHeader({
  label,
  column,
  first,
  current,
  basePath,
  params,
}: {
  label: string;
  column: string;
  first: SortDirection;
  current: { key: string; direction: SortDirection };
  basePath: string;
  params: Record<string, string>;
}) {
  const active = current.key === column;
  const next = active ? (current.direction === 'asc' ? 'desc' : 'asc') : first;
  const arrow = active ? (current.direction === 'asc' ? '↑' : '↓') : '↕';
  const said = next === 'asc' ? 'ascending' : 'descending';
  return {
    text: label,
    sort: active ? (current.direction === 'asc' ? ('ascending' as const) : ('descending' as const)) : ('none' as const),
    label: (
      <Link
        href={searchHref(basePath, { ...params, sort: column, dir: next })}
        className={`inline-flex items-center gap-1 rounded uppercase hover:text-slate-900 ${active ? 'text-slate-900' : ''}`}
        data-testid={`sort-${column}`}
      >
        {label}
        <span className="sr-only">, sort {said}</span>
        <span aria-hidden className={active ? '' : 'text-slate-500'}>
          {arrow}
        </span>
      </Link>
    ),
  };
}
