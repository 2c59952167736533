import { Badge, type BadgeTone } from '@/components/ui/status-badge';
import type { SeatState } from '@/lib/licensing/license-view';

const STYLE: Record<SeatState, { label: string; tone: BadgeTone }> = {
  active: { label: 'Active', tone: 'good' },
  grace: { label: 'In grace period', tone: 'warn' },
  lapsed: { label: 'Lapsed', tone: 'late' },
  released: { label: 'Released', tone: 'gone' },
  deactivated: { label: 'Deactivated', tone: 'gone' },
};

export function SeatStateBadge({ state }: { state: SeatState }) {
  const { label, tone } = STYLE[state];
  return <Badge tone={tone}>{label}</Badge>;
}
