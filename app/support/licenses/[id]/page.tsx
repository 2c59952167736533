import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuditTrail } from '@/components/support/audit-trail';
import { BlockedDevices } from '@/components/support/blocked-devices';
import { IssuedFilesTable } from '@/components/support/issued-files-table';
import { LicenseSummary } from '@/components/support/license-summary';
import { NotesPanel } from '@/components/support/notes-panel';
import { ReleaseNotice } from '@/components/support/release-notice';
import { SeatsTable } from '@/components/support/seats-table';
import { UsageTable } from '@/components/support/usage-table';
import { pageNumber } from '@/components/ui/pagination';
import { requireStaffPage, SUPPORT_OR_ADMIN } from '@/lib/auth/staff';
import { supportLicenseDetail } from '@/lib/licensing/support-license-detail';

export const metadata: Metadata = { title: 'License · Support' };

export default async function SupportLicensePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ released?: string | string[]; blocked?: string | string[]; seatsPage?: string | string[] }>;
}) {
  const { id } = await params;
  await requireStaffPage(SUPPORT_OR_ADMIN, `/support/licenses/${encodeURIComponent(id)}`);
  const now = new Date();
  const { released, blocked, seatsPage } = await searchParams;
  const result = await supportLicenseDetail(id, now, pageNumber(seatsPage));
  if (!result.ok) notFound();
  const { license } = result;
  const releasedSeat = license.seats.find((seat) => (seat.id === released || seat.id === blocked) && seat.state === 'released');
  const blockedSeat = license.seats.find((seat) => seat.id === blocked && seat.blocked);
  return (
    <div className="space-y-6">
      <Link href="/support" className="text-sm text-indigo-600 hover:underline">
        ← Search licenses
      </Link>
      {blockedSeat && (
        <p role="status" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm wrap-anywhere text-red-900" data-testid="block-notice">
          The device “{blockedSeat.hostname || 'unnamed machine'}” is blocked: its activations and refreshes are refused, and every new license file carries a revocation list naming it.
        </p>
      )}
      {releasedSeat && <ReleaseNotice seat={releasedSeat} seatsUsed={license.seatsUsed} seatLimit={license.plan.seatLimit} now={now} />}
      <LicenseSummary license={license} />
      <SeatsTable license={license} now={now} />
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
