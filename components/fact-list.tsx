/** Label/value pairs as every summary on the portal shows them; `testId` marks each value. */
export function FactList({ facts }: { facts: Array<{ label: string; value: string; testId: string }> }) {
  return (
    <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
      {facts.map(({ label, value, testId }) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="min-w-0 font-medium wrap-anywhere text-slate-900" data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
