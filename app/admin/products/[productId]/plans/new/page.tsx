import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { createPlanAction } from '@/app/admin/products/actions';
import { BackLink, PageHeader } from '@/components/admin/page-header';
import { Section } from '@/components/ui/section';
import { PlanForm } from '@/components/admin/plan-form';
import { ADMIN_ONLY, requireStaffPage } from '@/lib/auth/staff';
import { productById } from '@/lib/licensing/admin-catalog-views';
import { DAY } from '@/lib/licensing/durations';

export const metadata: Metadata = { title: 'New plan' };

/** Defaults modelled on a common consumer tier: a month offline, a week of grace, two machines. */
const DEFAULTS = {
  name: '',
  offlineTtlSeconds: 30 * DAY,
  graceSeconds: 7 * DAY,
  seatLimit: 2,
  maxRequestedDurationSeconds: null,
  features: [],
  encryptLicenseFiles: true,
  reclaimLapsedSeats: true,
};

export default async function NewPlanPage({ params }: { params: Promise<{ productId: string }> }) {
  const { productId } = await params;
  await requireStaffPage(ADMIN_ONLY, `/admin/products/${productId}/plans/new`);
  const product = await productById(productId);
  if (!product) notFound();
  return (
    <>
      <BackLink href={`/admin/products/${product.id}`}>{product.name}</BackLink>
      <PageHeader title={`New plan for ${product.name}`} />
      <Section>
        <PlanForm action={createPlanAction} hidden={{ productId: product.id }} values={DEFAULTS} isNew />
      </Section>
    </>
  );
}
