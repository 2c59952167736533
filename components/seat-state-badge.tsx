import type { SeatState } from '@/lib/licensing/license-view';

const STYLE: Record<SeatState, { label: string; className: string }> = {
  active: { label: 'Active', className: 'bg-emerald-50 text-emerald-700 ring-emerald-200' },
  grace: { label: 'In grace period', className: 'bg-amber-50 text-amber-800 ring-amber-200' },
  lapsed: { label: 'Lapsed', className: 'bg-orange-50 text-orange-800 ring-orange-200' },
  released: { label: 'Released', className: 'bg-slate-100 text-slate-600 ring-slate-200' },
  deactivated: { label: 'Deactivated', className: 'bg-slate-100 text-slate-600 ring-slate-200' },
};

export function SeatStateBadge({ state }: { state: SeatState }) {
  const { label, className } = STYLE[state];
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}>{label}</span>;
}
