import { Badge, type BadgeTone } from '@/components/ui/status-badge';

const STYLE = {
  active: { label: 'Active', tone: 'good' },
  suspended: { label: 'Suspended', tone: 'bad' },
  expired: { label: 'Expired', tone: 'warn' },
} as const satisfies Record<string, { label: string; tone: BadgeTone }>;

/** A license's status as support sees it (the same colours as the seat badges). */
export function LicenseStatusBadge({ status }: { status: keyof typeof STYLE }) {
  const { label, tone } = STYLE[status];
  return (
    <Badge tone={tone} testId="license-status">
      {label}
    </Badge>
  );
}
