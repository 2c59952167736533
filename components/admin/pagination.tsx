import Link from 'next/link';

export const PAGE_SIZE = 25;

/** The page number from a search param, at least 1. */
export function pageNumber(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** Previous/next links that keep the other search params. */
export function Pagination({ basePath, params, page, total, pageSize = PAGE_SIZE }: { basePath: string; params: Record<string, string>; page: number; total: number; pageSize?: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (n: number) => {
    const search = new URLSearchParams({ ...Object.fromEntries(Object.entries(params).filter(([, v]) => v)), page: String(n) });
    return `${basePath}?${search.toString()}`;
  };
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const linkClass = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50';
  return (
    <div className="mt-4 flex items-center justify-between text-sm text-slate-600" data-testid="pagination">
      <span>
        {from}–{to} of {total}
      </span>
      <div className="flex items-center gap-2">
        {page > 1 && (
          <Link className={linkClass} href={href(page - 1)} rel="prev">
            Previous
          </Link>
        )}
        <span>
          Page {Math.min(page, pages)} of {pages}
        </span>
        {page < pages && (
          <Link className={linkClass} href={href(page + 1)} rel="next">
            Next
          </Link>
        )}
      </div>
    </div>
  );
}
