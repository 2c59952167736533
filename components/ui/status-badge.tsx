import type { ReactNode } from 'react';

const TONE_CLASSES = {
  good: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  warn: 'bg-amber-50 text-amber-800 ring-amber-200',
  late: 'bg-orange-50 text-orange-800 ring-orange-200',
  bad: 'bg-red-50 text-red-700 ring-red-200',
  idle: 'bg-slate-100 text-slate-700 ring-slate-200',
  gone: 'bg-slate-100 text-slate-600 ring-slate-200',
} as const;

export type BadgeTone = keyof typeof TONE_CLASSES;

/**
 * The one pill every status is drawn with; each area only chooses words and a tone.
 *
 * @example
 * <Badge tone="good" testId="license-status">Active</Badge>
 */
export function Badge({ tone, children, testId }: { tone: BadgeTone; children: ReactNode; testId?: string }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE_CLASSES[tone]}`} data-testid={testId}>
      {children}
    </span>
  );
}

const STATUS_TONES: Record<string, BadgeTone> = {
  active: 'good',
  enabled: 'good',
  suspended: 'warn',
  lapsed: 'warn',
  retired: 'idle',
  released: 'idle',
  deactivated: 'idle',
  disabled: 'bad',
  revoked: 'bad',
  expired: 'bad',
};

/** A raw status word as the admin lists show it (`active`, `revoked` ...). */
export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <Badge tone={STATUS_TONES[status] ?? 'idle'} testId={testId}>
      {status}
    </Badge>
  );
}
