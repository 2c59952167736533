import { formatDateTime } from '@/components/format-date';
import { seatsFreeSentence } from '@/lib/core/license-words';
import type { SupportSeat } from '@/lib/licensing/support-license-detail';

/** Shown after a release: what changed, and what did not (the old file still works offline). */
export function ReleaseNotice({ seat, seatsUsed, seatLimit, now }: { seat: SupportSeat; seatsUsed: number; seatLimit: number; now: Date }) {
  const device = seat.hostname ? `“${seat.hostname}”` : 'the machine';
  const stillWorks = seat.graceEndsAt > now;
  return (
    <div role="status" className="rounded-xl border border-emerald-200 bg-emerald-50 px-5 py-4 text-sm wrap-anywhere text-emerald-900" data-testid="release-notice">
      <p className="font-medium">
        The seat of {device} is released. {seatsFreeSentence({ seatsUsed, seatLimit })}
      </p>
      {stillWorks && (
        <p className="mt-1">
          Its license file keeps working offline until {formatDateTime(seat.leaseEndsAt)} (grace until {formatDateTime(seat.graceEndsAt)}).
        </p>
      )}
    </div>
  );
}
