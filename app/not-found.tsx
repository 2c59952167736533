const PORTAL_TASKS = [
  { href: '/', label: 'Activate a machine' },
  { href: '/refresh', label: 'Refresh a license file' },
  { href: '/deactivate', label: 'Deactivate a machine' },
  { href: '/license', label: 'Look up your license' },
];

/**
 * What a mistyped or stale address shows (answered with status 404): a sentence, the portal's
 * tasks to start again from, and a way back. Never a framework page or a stack trace.
 */
export default function NotFound() {
  return (
    <section className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-6 text-center shadow-sm sm:p-8" data-testid="not-found">
      <p className="text-sm font-medium text-slate-600">404 · Not found</p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">There is no page at this address</h1>
      <p className="mt-2 text-slate-600">Check the address, or start again from the portal: activate, refresh or deactivate a machine, or look up your license.</p>
      <nav aria-label="Portal tasks" className="mt-6">
        <ul className="grid gap-2 text-sm sm:grid-cols-2">
          {PORTAL_TASKS.map((task) => (
            <li key={task.href}>
              <a href={task.href} className="block rounded-md border border-slate-200 px-3 py-2 text-slate-700 no-underline hover:border-indigo-300 hover:bg-indigo-50">
                {task.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <a href="/" className="mt-6 inline-block text-sm text-indigo-700 underline underline-offset-2">
        Back to the portal
      </a>
    </section>
  );
}
