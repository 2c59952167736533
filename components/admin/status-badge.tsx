const TONES: Record<string, string> = {
  active: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  enabled: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  suspended: 'bg-amber-50 text-amber-800 ring-amber-200',
  lapsed: 'bg-amber-50 text-amber-800 ring-amber-200',
  retired: 'bg-slate-100 text-slate-700 ring-slate-200',
  released: 'bg-slate-100 text-slate-700 ring-slate-200',
  deactivated: 'bg-slate-100 text-slate-700 ring-slate-200',
  disabled: 'bg-red-50 text-red-700 ring-red-200',
  revoked: 'bg-red-50 text-red-700 ring-red-200',
  expired: 'bg-red-50 text-red-700 ring-red-200',
};

export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status] ?? TONES.retired}`} data-testid={testId}>
      {status}
    </span>
  );
}
