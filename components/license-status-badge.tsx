import { Badge, type BadgeTone } from '@/components/ui/status-badge';
import { LICENSE_STATE_LABELS, type LicenseState } from '@/lib/core/license-words';

const TONES: Record<LicenseState, BadgeTone> = { active: 'good', suspended: 'bad', expired: 'warn' };

/** A license's state in the same words and colours on the public, admin and support pages. */
export function LicenseStatusBadge({ status }: { status: LicenseState }) {
  return (
    <Badge tone={TONES[status]} testId="license-status">
      {LICENSE_STATE_LABELS[status]}
    </Badge>
  );
}
