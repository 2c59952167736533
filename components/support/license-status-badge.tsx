const STYLE = {
  active: { label: 'Active', className: 'bg-emerald-50 text-emerald-700 ring-emerald-200' },
  suspended: { label: 'Suspended', className: 'bg-red-50 text-red-700 ring-red-200' },
  expired: { label: 'Expired', className: 'bg-amber-50 text-amber-800 ring-amber-200' },
} as const;

/** A license's status as support sees it (the same colours as the seat badges). */
export function LicenseStatusBadge({ status }: { status: keyof typeof STYLE }) {
  const { label, className } = STYLE[status];
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`} data-testid="license-status">
      {label}
    </span>
  );
}
