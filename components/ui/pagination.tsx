import Link from 'next/link';
import type { ReactNode } from 'react';

export const PAGE_SIZE = 25;

/** A count that may have stopped at a cap: `capped` means "more than `n`". */
export interface CountOf {
  n: number;
  capped: boolean;
}

const NUMBER = new Intl.NumberFormat('en-GB');

/** "1,234", or "more than 10,000" when counting stopped at a cap. */
export function formatCount(count: number | CountOf): string {
  if (typeof count === 'number') return NUMBER.format(count);
  return count.capped ? `more than ${NUMBER.format(count.n)}` : NUMBER.format(count.n);
}

/** The page number from a search param, at least 1. */
export function pageNumber(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** The first value of a search param, or undefined. */
export function searchParam(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first || undefined;
}

/** `basePath?…`, keeping only the non-empty params (just `basePath` when none is left), e.g. a CSV export of the filtered list. */
export function searchHref(basePath: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}

/** `basePath?…&page=n`, keeping the other non-empty search params. */
function pageHref(basePath: string, params: Record<string, string>, page: number, pageParam = 'page'): string {
  return searchHref(basePath, { ...params, [pageParam]: String(page) });
}

const PLACEMENTS = {
  /** Under a table, as the admin lists have it. */
  below: 'mt-4',
  /** Inside the table's card, as its last row (the support search). */
  footer: 'border-t border-slate-100 px-4 py-2.5',
} as const;

const LINK_CLASS = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50';

/** Where Previous or Next leads: a URL, or (in a client component) what to do on a click. */
export type PageTarget = string | (() => void);

function PageLink({ target, rel, children }: { target: PageTarget; rel: 'prev' | 'next'; children: ReactNode }) {
  if (typeof target === 'string') {
    return (
      <Link className={LINK_CLASS} href={target} rel={rel}>
        {children}
      </Link>
    );
  }
  return (
    <button type="button" className={LINK_CLASS} onClick={target}>
      {children}
    </button>
  );
}

/**
 * The one pager: a summary, then Previous / Next around an optional position ("Page x
 * of y"). Each link shows only when there is a page that way.
 *
 * @example
 * <Pagination summary="25 shown of 1,234" previous={page.previous && `/admin/licenses?before=${page.previous}`} next={page.next && `/admin/licenses?after=${page.next}`} />
 */
function Pagination({
  summary,
  previous,
  next,
  position,
  placement = 'below',
  label = 'Pages',
  testId = 'pagination',
}: {
  summary: ReactNode;
  previous?: PageTarget;
  next?: PageTarget;
  position?: ReactNode;
  placement?: keyof typeof PLACEMENTS;
  label?: string;
  testId?: string;
}) {
  return (
    <nav aria-label={label} className={`flex items-center justify-between text-sm text-slate-600 ${PLACEMENTS[placement]}`} data-testid={testId}>
      {summary}
      <div className="flex items-center gap-2">
        {previous && (
          <PageLink target={previous} rel="prev">
            Previous
          </PageLink>
        )}
        {position && <span>{position}</span>}
        {next && (
          <PageLink target={next} rel="next">
            Next
          </PageLink>
        )}
      </div>
    </nav>
  );
}

/** "from–to of total" for page `page` (from 1) of `pageSize` rows. */
function rangeText(page: number, pageSize: number, total: number): string {
  const from = total === 0 ? 0 : Math.min(total, (page - 1) * pageSize + 1);
  const to = Math.min(total, page * pageSize);
  return `${formatCount(from)}–${formatCount(to)} of ${formatCount(total)}`;
}

/** The audit log's pager: numbered pages, "from–to of total" over a page of `pageSize` rows. */
export function ListPagination({ basePath, params, page, total, pageSize = PAGE_SIZE }: { basePath: string; params: Record<string, string>; page: number; total: number; pageSize?: number }) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Pagination
      summary={<span>{rangeText(page, pageSize, total)}</span>}
      previous={page > 1 ? pageHref(basePath, params, page - 1) : undefined}
      next={page < pageCount ? pageHref(basePath, params, page + 1) : undefined}
      position={`Page ${Math.min(page, pageCount)} of ${pageCount}`}
    />
  );
}

/**
 * A keyset-paged list's pager (the admin license list, the support search): "25 shown of
 * 1,234" (or "of more than 10,000"), and links to the pages before and after by the
 * opaque cursors the domain returned, as `before` and `after` search params.
 */
export function CursorPagination({
  basePath,
  params,
  shown,
  total,
  next,
  previous,
  noun,
  placement,
  label,
  summaryTestId,
}: {
  basePath: string;
  params: Record<string, string>;
  shown: number;
  total: CountOf;
  next?: string;
  previous?: string;
  /** Appended to the summary ("licenses"). */
  noun?: string;
  placement?: keyof typeof PLACEMENTS;
  label?: string;
  summaryTestId?: string;
}) {
  const summary = (
    <span data-testid={summaryTestId}>
      {formatCount(shown)} shown of {formatCount(total)}
      {noun ? ` ${noun}` : ''}
    </span>
  );
  return (
    <Pagination
      summary={summary}
      previous={previous ? searchHref(basePath, { ...params, before: previous }) : undefined}
      next={next ? searchHref(basePath, { ...params, after: next }) : undefined}
      placement={placement}
      label={label}
    />
  );
}

/** Where a page of seats sits in the whole list (lib/licensing/license-view.ts `SeatPageInfo`). */
export interface SeatPageOf {
  page: number;
  pageCount: number;
  total: number;
  from: number;
  to: number;
}

/** A license page's seat pager: "Showing 1–50 of 20,000", Previous / Next by the `seatsPage` param (or by clicks). Nothing when one page holds every seat. */
export function SeatsPagination({ seatPage, hrefOf, onPage }: { seatPage: SeatPageOf; hrefOf?: (page: number) => string; onPage?: (page: number) => void }) {
  const { page, pageCount, total, from, to } = seatPage;
  if (pageCount <= 1) return null;
  const target = (n: number): PageTarget | undefined => (hrefOf ? hrefOf(n) : onPage ? () => onPage(n) : undefined);
  return (
    <Pagination
      summary={
        <span data-testid="seats-count">
          Showing {formatCount(from)}–{formatCount(to)} of {formatCount(total)}
        </span>
      }
      previous={page > 1 ? target(page - 1) : undefined}
      next={page < pageCount ? target(page + 1) : undefined}
      label="Seat pages"
      testId="seats-pagination"
    />
  );
}
