import type { SeatState } from '@/lib/licensing/license-view';

const TONES = {
  green: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  amber: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  red: 'bg-red-50 text-red-700 ring-red-600/20',
  slate: 'bg-slate-100 text-slate-600 ring-slate-500/20',
} as const;

function Badge({ tone, children, testId }: { tone: keyof typeof TONES; children: string; testId?: string }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`} data-testid={testId}>
      {children}
    </span>
  );
}

const LICENSE_TONES = { active: 'green', suspended: 'red', expired: 'amber' } as const;

export function LicenseStatusBadge({ status }: { status: keyof typeof LICENSE_TONES }) {
  return (
    <Badge tone={LICENSE_TONES[status]} testId="license-status">
      {status}
    </Badge>
  );
}

const SEAT_LABELS: Record<SeatState, { label: string; tone: keyof typeof TONES }> = {
  active: { label: 'active', tone: 'green' },
  grace: { label: 'in grace', tone: 'amber' },
  lapsed: { label: 'lapsed', tone: 'red' },
  released: { label: 'released', tone: 'slate' },
  deactivated: { label: 'deactivated', tone: 'slate' },
};

export function SeatStateBadge({ state }: { state: SeatState }) {
  const { label, tone } = SEAT_LABELS[state];
  return (
    <Badge tone={tone} testId="seat-state">
      {label}
    </Badge>
  );
}
