import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm" data-testid="not-found">
      <p className="text-sm font-medium text-slate-600">404 · Not found</p>
      <h1 className="mt-2 text-xl font-semibold">There is no page at this address</h1>
      <p className="mt-2 text-slate-600">Check the address, or start again from the portal: activate, refresh or deactivate a machine, or look up your license.</p>
      <Link href="/" className="mt-6 inline-block text-sm text-indigo-700 underline underline-offset-2">
        Back to the portal
      </Link>
    </section>
  );
}
