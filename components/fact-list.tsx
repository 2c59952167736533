/** Label/value pairs as every summary on the portal shows them; `testId` marks each value. */
export function FactList({ facts }: { facts: Array<{ label: string; value: string; testId: string }> }) {
  return (
    <dl className="mt-4 grid grid-cols-[minmax(0,auto)_1fr] gap-x-4 gap-y-3 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-6">
      {facts.map(({ label, value, testId }) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="min-w-0 font-medium wrap-anywhere text-slate-900" data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
