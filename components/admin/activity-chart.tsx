import { formatDate } from '@/components/format-date';
import type { DailyActivity } from '@/lib/licensing/usage-overview';

const HEIGHT = 100;

/** The smallest even "nice" axis top (2, 4, 6, 10, 20, 40 …) at or above `max`, so its half is a whole count too. */
function axisTop(max: number): number {
  if (max <= 2) return 2;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 4, 6, 10].map((step) => step * magnitude).find((top) => top >= max && top % 2 === 0)!;
}

const dayLabel = (day: string) => formatDate(`${day}T00:00:00Z`).replace(/ \d{4}$/, '');

/**
 * Activations and deactivations per UTC day as paired bars, with a value axis, readable
 * date ticks, the peak in words, and the same numbers as a table for anyone who cannot
 * read the bars (or wants the exact figures without hovering).
 */
export function ActivityChart({ series }: { series: DailyActivity[] }) {
  const max = Math.max(0, ...series.map((d) => Math.max(d.activations, d.deactivations)));
  const top = axisTop(max);
  const slot = 24;
  const width = series.length * slot;
  const bar = (value: number) => (value / top) * HEIGHT;
  const peak = series.reduce<DailyActivity | undefined>((best, d) => (!best || d.activations + d.deactivations > best.activations + best.deactivations ? d : best), undefined);
  const total = series.reduce((sum, d) => sum + d.activations + d.deactivations, 0);
  const first = series[0]?.day;
  const last = series.at(-1)?.day;
  // About five dates under the bars, whatever the range (a week gets every other day).
  const tickEvery = Math.max(2, Math.round(series.length / 5));
  const range = first && last ? `${formatDate(`${first}T00:00:00Z`)} – ${formatDate(`${last}T00:00:00Z`)}` : '';
  return (
    <figure data-testid="activity-chart">
      <div className="flex gap-2">
        <div className="flex h-48 flex-col justify-between pb-0 text-right text-xs text-slate-600 tabular-nums" aria-hidden data-testid="chart-axis">
          <span>{top}</span>
          <span>{top / 2}</span>
          <span>0</span>
        </div>
        <div className="min-w-0 flex-1">
          <svg viewBox={`0 0 ${width} ${HEIGHT}`} preserveAspectRatio="none" className="h-48 w-full" role="img" aria-label={`Activations and deactivations per day, ${range}. The table below has the numbers.`}>
            {[0, 0.5, 1].map((f) => (
              <line key={f} x1={0} x2={width} y1={HEIGHT - f * HEIGHT} y2={HEIGHT - f * HEIGHT} className={f === 0 ? 'stroke-slate-400' : 'stroke-slate-200'} strokeWidth={1} vectorEffect="non-scaling-stroke" />
            ))}
            {series.map((d, i) => {
              const x = i * slot + 3;
              return (
                <g key={d.day} data-testid={`chart-day-${d.day}`} data-activations={d.activations} data-deactivations={d.deactivations}>
                  <title>{`${dayLabel(d.day)}: ${d.activations} activations, ${d.deactivations} deactivations`}</title>
                  <rect x={x} y={HEIGHT - bar(d.activations)} width={8} height={bar(d.activations)} className="fill-indigo-500" />
                  <rect x={x + 9} y={HEIGHT - bar(d.deactivations)} width={8} height={bar(d.deactivations)} className="fill-slate-400" />
                </g>
              );
            })}
          </svg>
          <div className="mt-1 flex justify-between text-xs text-slate-600" aria-hidden data-testid="chart-ticks">
            {series
              .filter((_, i) => i % tickEvery === 0 || i === series.length - 1)
              .map((d) => (
                <span key={d.day}>{dayLabel(d.day)}</span>
              ))}
          </div>
        </div>
      </div>
      <figcaption className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
        <span className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm bg-indigo-500" /> Activations
        </span>
        <span className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm bg-slate-400" /> Deactivations
        </span>
        <span className="sm:ml-auto" data-testid="chart-peak">
          {total === 0 || !peak
            ? `No activations or deactivations, ${range} (UTC days).`
            : `Busiest day: ${dayLabel(peak.day)}, ${peak.activations} activations and ${peak.deactivations} deactivations. ${range} (UTC days).`}
        </span>
      </figcaption>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-slate-700">Show the numbers as a table</summary>
        <table className="mt-2 w-full max-w-md text-left text-sm tabular-nums" data-testid="chart-table">
          <caption className="sr-only">Activations and deactivations per UTC day, {range}</caption>
          <thead>
            <tr className="text-xs text-slate-600 uppercase">
              <th scope="col" className="py-1 font-semibold">
                Day
              </th>
              <th scope="col" className="py-1 text-right font-semibold">
                Activations
              </th>
              <th scope="col" className="py-1 text-right font-semibold">
                Deactivations
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {[...series].reverse().map((d) => (
              <tr key={d.day}>
                <th scope="row" className="py-1 font-normal text-slate-700">
                  {dayLabel(d.day)}
                </th>
                <td className="py-1 text-right text-slate-900">{d.activations}</td>
                <td className="py-1 text-right text-slate-900">{d.deactivations}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
