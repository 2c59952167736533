import type { DailyActivity } from '@/lib/licensing/usage-overview';

const HEIGHT = 140;

/** Activations and deactivations per day as paired SVG bars (no chart library needed). */
export function ActivityChart({ series }: { series: DailyActivity[] }) {
  const max = Math.max(1, ...series.map((d) => Math.max(d.activations, d.deactivations)));
  const slot = 24;
  const width = series.length * slot;
  const bar = (value: number) => (value / max) * (HEIGHT - 4);
  return (
    <figure data-testid="activity-chart">
      <svg viewBox={`0 0 ${width} ${HEIGHT + 18}`} className="h-48 w-full" role="img" aria-label="Activations and deactivations per day, last 30 days">
        {[0.5, 1].map((f) => (
          <line key={f} x1={0} x2={width} y1={HEIGHT - f * (HEIGHT - 4)} y2={HEIGHT - f * (HEIGHT - 4)} className="stroke-slate-100" strokeWidth={1} />
        ))}
        <line x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} className="stroke-slate-300" strokeWidth={1} />
        {series.map((d, i) => {
          const x = i * slot + 3;
          return (
            <g key={d.day} data-testid={`chart-day-${d.day}`} data-activations={d.activations} data-deactivations={d.deactivations}>
              <title>{`${d.day}: ${d.activations} activations, ${d.deactivations} deactivations`}</title>
              <rect x={x} y={HEIGHT - bar(d.activations)} width={8} height={bar(d.activations)} rx={1.5} className="fill-indigo-500" />
              <rect x={x + 9} y={HEIGHT - bar(d.deactivations)} width={8} height={bar(d.deactivations)} rx={1.5} className="fill-slate-400" />
              {i % 5 === 4 && (
                <text x={x + 8} y={HEIGHT + 13} textAnchor="middle" className="fill-slate-400 text-[9px]">
                  {d.day.slice(5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex items-center gap-4 text-xs text-slate-500">
        <span className="flex items-center gap-1.5">
          <span className="inline-block h-2.5 w-2.5 rounded-sm bg-indigo-500" /> Activations
        </span>
        <span className="flex items-center gap-1.5">
          <span className="inline-block h-2.5 w-2.5 rounded-sm bg-slate-400" /> Deactivations
        </span>
        <span className="ml-auto">Peak: {max} per day (UTC days)</span>
      </figcaption>
    </figure>
  );
}
