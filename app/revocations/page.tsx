import type { Metadata } from 'next';
import { formatDateTime } from '@/components/format-date';
import { currentRevocationList } from '@/lib/licensing/revocation-list';

export const metadata: Metadata = { title: 'Revocation list' };
export const dynamic = 'force-dynamic';

/**
 * The signed revocation list for offline machines (issue 11): blocked devices and suspended
 * licenses as salted hashes, naming no customer. Every license file carries it too.
 */
export default async function RevocationsPage() {
  const list = await currentRevocationList(null);
  return (
    <section className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Revocation list</h1>
        <p className="mt-3 text-slate-600">
          Machines reported lost or stolen, and suspended licenses, stop working offline once this list is installed on them. Every license file the portal issues
          carries the current list; this page serves it on its own, for machines that get no new file.
        </p>
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-white p-5 text-sm" data-testid="revocation-list">
        <dt className="text-slate-500">Sequence</dt>
        <dd className="font-medium text-slate-900" data-testid="revocation-sequence">
          #{list.sequence}
        </dd>
        <dt className="text-slate-500">Signed</dt>
        <dd className="text-slate-900">{formatDateTime(list.issuedAt)}</dd>
        <dt className="text-slate-500">Entries</dt>
        <dd className="text-slate-900">{list.size}</dd>
      </dl>
      <a href="/api/v1/revocations" download className="inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500" data-testid="download-revocations">
        Download the revocation list
      </a>
      <p className="text-sm text-slate-600">
        Install it on a machine with <code className="rounded bg-slate-100 px-1">gatepass revocations install FILE</code>, or in the application. A machine keeps the
        newest list it has seen and refuses an older one.
      </p>
    </section>
  );
}
