import type { ReactNode } from 'react';
import { AuditTrail } from '@/components/support/audit-trail';
import { BlockedDevices } from '@/components/support/blocked-devices';
import { IssuedFilesTable } from '@/components/support/issued-files-table';
import { LicenseSummary } from '@/components/support/license-summary';
import { NotesPanel } from '@/components/support/notes-panel';
import { ReleaseNotice } from '@/components/support/release-notice';
import { SeatsTable } from '@/components/support/seats-table';
import { UsageTable } from '@/components/support/usage-table';
import type { StaffArea, SupportLicenseDetail } from '@/lib/licensing/support-license-detail';

/**
 * One license as staff see it, the same on the admin and the support console (one set
 * of words, one seat table, the same release dialog); the admin's page adds its own
 * controls (`adminControls`) under the summary.
 *
 * @example
 * <StaffLicense area="support" license={license} now={now} releasedSeatId={released} />
 */
export function StaffLicense({
  area,
  license,
  now,
  releasedSeatId,
  blockedSeatId,
  adminControls,
}: {
  area: StaffArea;
  license: SupportLicenseDetail;
  now: Date;
  /** `?released=` after a release: the notice says what changed and what did not. */
  releasedSeatId?: string;
  /** `?blocked=` after a release with a block (issue 11). */
  blockedSeatId?: string;
  adminControls?: ReactNode;
}) {
  const releasedSeat = license.seats.find((seat) => (seat.id === releasedSeatId || seat.id === blockedSeatId) && seat.state === 'released');
  const blockedSeat = license.seats.find((seat) => seat.id === blockedSeatId && seat.blocked);
  return (
    <div className="space-y-6">
      {blockedSeat && (
        <p role="status" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm wrap-anywhere text-red-900" data-testid="block-notice">
          The device “{blockedSeat.hostname || 'unnamed machine'}” is blocked: its activations and refreshes are refused, and every new license file carries a revocation list naming it.
        </p>
      )}
      {releasedSeat && <ReleaseNotice seat={releasedSeat} seatsUsed={license.seatsUsed} seatLimit={license.plan.seatLimit} now={now} />}
      <LicenseSummary license={license} area={area} />
      {adminControls}
      <SeatsTable license={license} now={now} area={area} />
      <BlockedDevices licenseId={license.id} devices={license.blockedDevices} />
      <IssuedFilesTable files={license.files} />
      <div className="grid gap-6 lg:grid-cols-2">
        <AuditTrail events={license.auditTrail} />
        <div className="space-y-6">
          <NotesPanel licenseId={license.id} notes={license.notes} />
          <UsageTable usage={license.usage} />
        </div>
      </div>
    </div>
  );
}
