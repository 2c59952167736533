
export default function Forbidden() {
  return (
    <section className="mx-auto max-w-md rounded-xl border border-amber-200 bg-white p-8 text-center shadow-sm" data-testid="forbidden">
      <p className="text-sm font-medium text-amber-800">403 · Not allowed</p>
      <h1 className="mt-2 text-xl font-semibold">Your role cannot open this page</h1>
      <p className="mt-2 text-slate-600">Ask an admin of this Gatepass portal if you need access.</p>
      <a href="/" className="mt-6 inline-block text-sm text-indigo-700 underline underline-offset-2">
        Back to the portal
      </a>
    </section>
  );
}
