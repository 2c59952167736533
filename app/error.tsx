'use client';


/**
 * What a person sees when a page fails on our side: a sentence and a way on, never a
 * stack trace. The digest lets an admin find the logged error.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="mx-auto max-w-md rounded-xl border border-red-200 bg-white p-8 text-center shadow-sm" data-testid="error-page" role="alert">
      <p className="text-sm font-medium text-red-700">Something went wrong</p>
      <h1 className="mt-2 text-xl font-semibold">The portal could not show this page</h1>
      <p className="mt-2 text-slate-600">Try again in a moment. If it keeps happening, contact support{error.digest ? ' and quote the code below' : ''}.</p>
      {error.digest && <p className="mt-3 font-mono text-xs text-slate-600">error {error.digest}</p>}
      <div className="mt-6 flex justify-center gap-4 text-sm">
        <button type="button" onClick={reset} className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500">
          Try again
        </button>
        <a href="/" className="px-4 py-2 text-indigo-700 underline underline-offset-2">
          Back to the portal
        </a>
      </div>
    </section>
  );
}
