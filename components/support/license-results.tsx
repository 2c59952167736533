import Link from 'next/link';
import { formatDate } from '@/components/format-date';
import { LicenseStatusBadge } from '@/components/license-status-badge';
import { CursorPagination } from '@/components/ui/pagination';
import { cellClass, Table } from '@/components/ui/table';
import type { LicenseSearchPage } from '@/lib/licensing/search-licenses';

/** One page of search results, each row opening the license. */
export function LicenseResults({ search }: { search: LicenseSearchPage }) {
  const { results, total, next, previous, query } = search;
  if (results.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-slate-500" data-testid="search-empty">
        {query ? `No license matches “${query}”. Try the customer’s email, one 5-character group of the key, or the machine’s name.` : 'No licenses have been issued yet.'}
      </p>
    );
  }
  const footer = (
    <CursorPagination
      basePath="/support"
      params={{ q: query }}
      shown={results.length}
      total={total}
      next={next}
      previous={previous}
      noun={total.n === 1 && !total.capped ? 'license' : 'licenses'}
      placement="footer"
      label="Result pages"
      summaryTestId="search-count"
    />
  );
  return (
    <Table head={['License', 'Customer', 'Product · plan', 'Status', { label: 'Seats used', align: 'right' }]} testId="search-results" footer={footer}>
      {results.map((result) => (
        <tr key={result.id} className="hover:bg-slate-50" data-testid="search-result">
          <td className={cellClass}>
            <Link href={`/support/licenses/${result.id}`} className="font-mono text-indigo-700 hover:underline">
              {result.maskedKey}
            </Link>
          </td>
          <td className={cellClass}>
            <div className="font-medium text-slate-900">{result.customerName || '—'}</div>
            <div className="text-slate-500">{result.customerEmail}</div>
          </td>
          <td className={cellClass}>
            {result.product} · {result.plan}
          </td>
          <td className={cellClass}>
            <LicenseStatusBadge status={result.status} />
            {result.expiresAt && <div className="mt-1 text-xs text-slate-500">until {formatDate(result.expiresAt)}</div>}
          </td>
          <td className={`${cellClass} text-right tabular-nums`} data-testid="result-seats">
            {result.seatsUsed} / {result.seatLimit}
          </td>
        </tr>
      ))}
    </Table>
  );
}
