import { formatDateTime } from '@/components/format-date';
import { ReissueButton } from '@/components/support/reissue-button';
import { ReleaseSeatDialog } from '@/components/support/release-seat-dialog';
import { SeatsPagination } from '@/components/ui/pagination';
import { EmptyState, Section } from '@/components/ui/section';
import { cellClass, Table } from '@/components/ui/table';
import { SeatStateBadge } from '@/components/seat-state-badge';
import { DeviceName } from '@/components/ui/device-name';
import { staffLicensePath, type StaffArea, type SupportLicenseDetail, type SupportSeat } from '@/lib/licensing/support-license-detail';
import { SEATS_IN_USE_LABEL, seatsInUse } from '@/lib/core/license-words';

/** What the release dialog warns: how long the old machine's file still works offline. */
function offlineValiditySentence(seat: SupportSeat, now: Date): string {
  const device = seat.hostname ? `“${seat.hostname}”` : 'the old machine';
  if (seat.leaseEndsAt > now) {
    return `The license file on ${device} keeps working offline until its lease ends on ${formatDateTime(seat.leaseEndsAt)}, and in grace until ${formatDateTime(seat.graceEndsAt)}.`;
  }
  if (seat.graceEndsAt > now) {
    return `The lease of the file on ${device} ended on ${formatDateTime(seat.leaseEndsAt)}; it keeps working in grace until ${formatDateTime(seat.graceEndsAt)}.`;
  }
  return `The file on ${device} stopped working when its grace ended on ${formatDateTime(seat.graceEndsAt)}.`;
}

function Device({ seat }: { seat: SupportSeat }) {
  return (
    <>
      <DeviceName name={seat.hostname} fallback="unnamed machine" className="font-medium text-slate-900" testId="seat-device" />
      <DeviceName name={[seat.os, seat.appVersion && `app ${seat.appVersion}`].filter(Boolean).join(' · ')} fallback="no device details" className="text-xs text-slate-500" />
      <div className="font-mono text-xs text-slate-600" title={seat.fingerprint}>
        {seat.fingerprint.slice(0, 16)}…
      </div>
      {seat.earlierFingerprints.length > 0 && (
        <div className="font-mono text-xs text-slate-500" data-testid="seat-earlier-fingerprints">
          was {seat.earlierFingerprints.map((fingerprint) => `${fingerprint.slice(0, 16)}…`).join(', ')}
        </div>
      )}
    </>
  );
}

/** The machines of a license, live ones first, a page at a time, with what support can do to each. */
export function SeatsTable({ license, now, area }: { license: SupportLicenseDetail; now: Date; area: StaffArea }) {
  const inUse = seatsInUse({ seatsUsed: license.seatsUsed, seatLimit: license.plan.seatLimit });
  return (
    <Section title="Seats" description={`${SEATS_IN_USE_LABEL}: ${inUse}. Times in UTC.`} testId="seats">
      {license.seats.length === 0 ? (
        <EmptyState>No machine has activated this license yet.</EmptyState>
      ) : (
        <Table head={['Device', 'State', 'Activated / last file issued', 'Lease ends / grace ends', { label: 'Actions', align: 'right', hidden: true }]} frame="inset">
          {license.seats.map((seat) => (
            <tr key={seat.id} data-testid="seat-row" data-seat-id={seat.id}>
              <td className={`${cellClass} min-w-44`}>
                <Device seat={seat} />
              </td>
              <td className={`${cellClass} min-w-32`}>
                <span data-testid="seat-state">
                  <SeatStateBadge state={seat.state} />
                </span>
                {seat.blocked && (
                  <span className="ml-2 rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800" data-testid="seat-blocked">
                    device blocked
                  </span>
                )}
                {seat.releasedAt && (
                  <div className="mt-1 max-w-64 text-xs wrap-anywhere text-slate-500" data-testid="seat-release-info">
                    {formatDateTime(seat.releasedAt)}
                    {seat.releasedBy && ` by ${seat.releasedBy}`}
                    {seat.releaseReason && `: ${seat.releaseReason}`}
                  </div>
                )}
              </td>
              <td className={`${cellClass} min-w-36`}>
                <div className="text-slate-900">{formatDateTime(seat.activatedAt)}</div>
                <div className="text-xs text-slate-500">last file {formatDateTime(seat.lastIssuedAt)}</div>
              </td>
              <td className={`${cellClass} min-w-36`}>
                <div className="text-slate-900" data-testid="seat-lease-end">
                  {formatDateTime(seat.leaseEndsAt)}
                </div>
                <div className="text-xs text-slate-500">grace to {formatDateTime(seat.graceEndsAt)}</div>
              </td>
              <td className={cellClass}>
                <div className="flex flex-col items-start gap-2 whitespace-nowrap sm:items-end">
                  {seat.reissuable && <ReissueButton seatId={seat.id} />}
                  {seat.releasable && (
                    <ReleaseSeatDialog area={area} licenseId={license.id} seatId={seat.id} hostname={seat.hostname} offlineValidity={offlineValiditySentence(seat, now)} />
                  )}
                  {!seat.releasable && !seat.blocked && (
                    <ReleaseSeatDialog area={area} licenseId={license.id} seatId={seat.id} hostname={seat.hostname} offlineValidity={offlineValiditySentence(seat, now)} blockOnly />
                  )}
                </div>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <SeatsPagination seatPage={license.seatPage} hrefOf={(page) => `${staffLicensePath(area, license.id)}?seatsPage=${page}`} />
    </Section>
  );
}
