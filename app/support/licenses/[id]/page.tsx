import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StaffLicense } from '@/components/staff-license';
import { pageNumber, searchParam } from '@/components/ui/pagination';
import { requireStaffPage, SUPPORT_OR_ADMIN } from '@/lib/auth/staff';
import { staffLicensePath, supportLicenseDetail } from '@/lib/licensing/support-license-detail';

export const metadata: Metadata = { title: 'License · Support' };

export default async function SupportLicensePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ released?: string | string[]; blocked?: string | string[]; seatsPage?: string | string[] }>;
}) {
  const { id } = await params;
  await requireStaffPage(SUPPORT_OR_ADMIN, staffLicensePath('support', id));
  const now = new Date();
  const { released, blocked, seatsPage } = await searchParams;
  const result = await supportLicenseDetail(id, now, pageNumber(seatsPage));
  if (!result.ok) notFound();
  return (
    <div className="space-y-6">
      <Link href="/support" className="text-sm text-indigo-600 hover:underline">
        ← Search licenses
      </Link>
      <StaffLicense area="support" license={result.license} now={now} releasedSeatId={searchParam(released)} blockedSeatId={searchParam(blocked)} />
    </div>
  );
}
