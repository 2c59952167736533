import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { changeExpiryAction, reinstateLicenseAction, suspendLicenseAction } from '@/app/admin/licenses/actions';
import { LicenseActions } from '@/components/admin/license-actions';
import { BackLink } from '@/components/admin/page-header';
import { StaffLicense } from '@/components/staff-license';
import { pageNumber, searchParam } from '@/components/ui/pagination';
import { Section } from '@/components/ui/section';
import { ADMIN_ONLY, requireStaffPage } from '@/lib/auth/staff';
import { dateInputValue } from '@/lib/licensing/license-form';
import { staffLicensePath, supportLicenseDetail } from '@/lib/licensing/support-license-detail';

export const metadata: Metadata = { title: 'License' };

/** The license as support sees it (components/staff-license.tsx), with the admin's controls: suspend, reinstate, change expiry. */
export default async function LicensePage({
  params,
  searchParams,
}: {
  params: Promise<{ licenseId: string }>;
  searchParams: Promise<{ released?: string | string[]; blocked?: string | string[]; seatsPage?: string | string[] }>;
}) {
  const { licenseId } = await params;
  await requireStaffPage(ADMIN_ONLY, staffLicensePath('admin', licenseId));
  const now = new Date();
  const { released, blocked, seatsPage } = await searchParams;
  const result = await supportLicenseDetail(licenseId, now, pageNumber(seatsPage));
  if (!result.ok) notFound();
  const { license } = result;
  const controls = (
    <Section
      title="Change this license"
      actions={
        <Link href={`/admin/audit?license=${license.id}`} className="text-sm text-indigo-700 underline underline-offset-2">
          All changes in the audit log
        </Link>
      }
    >
      <LicenseActions
        licenseId={license.id}
        status={license.status === 'suspended' ? 'suspended' : 'active'}
        expiresOn={dateInputValue(license.expiresAt)}
        suspend={suspendLicenseAction}
        reinstate={reinstateLicenseAction}
        changeExpiry={changeExpiryAction}
      />
    </Section>
  );
  return (
    <>
      <BackLink href="/admin/licenses">Licenses</BackLink>
      <StaffLicense area="admin" license={license} now={now} releasedSeatId={searchParam(released)} blockedSeatId={searchParam(blocked)} adminControls={controls} />
    </>
  );
}
