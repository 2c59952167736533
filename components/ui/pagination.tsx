import Link from 'next/link';
import type { ReactNode } from 'react';

export const PAGE_SIZE = 25;

/** The page number from a search param, at least 1. */
export function pageNumber(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** `basePath?…`, with the non-empty search params only (e.g. a CSV export of the filtered list). */
export function searchHref(basePath: string, params: Record<string, string>): string {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
  return search.size > 0 ? `${basePath}?${search.toString()}` : basePath;
}

/** `basePath?…&page=n`, keeping the other non-empty search params. */
export function pageHref(basePath: string, params: Record<string, string>, page: number): string {
  return searchHref(basePath, { ...params, page: String(page) });
}

const PLACEMENTS = {
  /** Under a table, as the admin lists have it. */
  below: 'mt-4',
  /** Inside the table's card, as its last row (the support search). */
  footer: 'border-t border-slate-100 px-4 py-2.5',
} as const;

const LINK_CLASS = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50';

/**
 * The one pager: a summary, then Previous / Next links around an optional "Page x of y".
 *
 * @example
 * <Pagination summary="1–25 of 40" page={1} pageCount={2} hrefOf={(n) => `/admin/licenses?page=${n}`} />
 */
export function Pagination({ summary, page, pageCount, hrefOf, showPageCount = true, placement = 'below', label = 'Pages', testId = 'pagination' }: { summary: ReactNode; page: number; pageCount: number; hrefOf: (page: number) => string; showPageCount?: boolean; placement?: keyof typeof PLACEMENTS; label?: string; testId?: string }) {
  return (
    <nav aria-label={label} className={`flex items-center justify-between text-sm text-slate-600 ${PLACEMENTS[placement]}`} data-testid={testId}>
      {summary}
      <div className="flex items-center gap-2">
        {page > 1 && (
          <Link className={LINK_CLASS} href={hrefOf(page - 1)} rel="prev">
            Previous
          </Link>
        )}
        {showPageCount && (
          <span>
            Page {Math.min(page, pageCount)} of {pageCount}
          </span>
        )}
        {page < pageCount && (
          <Link className={LINK_CLASS} href={hrefOf(page + 1)} rel="next">
            Next
          </Link>
        )}
      </div>
    </nav>
  );
}

/** The admin lists' pager: "from–to of total" over a page of `pageSize` rows. */
export function ListPagination({ basePath, params, page, total, pageSize = PAGE_SIZE }: { basePath: string; params: Record<string, string>; page: number; total: number; pageSize?: number }) {
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const summary = (
    <span>
      {from}–{to} of {total}
    </span>
  );
  return <Pagination summary={summary} page={page} pageCount={Math.max(1, Math.ceil(total / pageSize))} hrefOf={(n) => pageHref(basePath, params, n)} />;
}
