import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { setPlanArchivedAction, updatePlanAction } from '@/app/admin/products/actions';
import { ArchivePlanForm } from '@/components/admin/archive-plan-form';
import { BackLink, PageHeader } from '@/components/admin/page-header';
import { formatCount } from '@/components/ui/pagination';
import { Section } from '@/components/ui/section';
import { PlanForm } from '@/components/admin/plan-form';
import { ADMIN_ONLY, requireStaffPage } from '@/lib/auth/staff';
import { planPage } from '@/lib/licensing/admin-catalog-views';

export const metadata: Metadata = { title: 'Plan' };

export default async function PlanPage({ params, searchParams }: { params: Promise<{ planId: string }>; searchParams: Promise<{ created?: string }> }) {
  const { planId } = await params;
  await requireStaffPage(ADMIN_ONLY, `/admin/plans/${planId}`);
  const found = await planPage(planId);
  if (!found) notFound();
  const { plan, product, licenseCount: licenses } = found;
  const { created } = await searchParams;
  const archived = Boolean(plan.archivedAt);
  const issue = archived ? (
    <span className="rounded-md bg-slate-100 px-3 py-1.5 text-sm font-medium text-slate-600" data-testid="plan-archived">
      Archived
    </span>
  ) : (
    <Link href={`/admin/licenses/new?plan=${plan.id}`} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500" data-testid="issue-for-plan">
      Issue licenses
    </Link>
  );
  return (
    <>
      <BackLink href={`/admin/products/${product.id}`}>{product.name}</BackLink>
      <PageHeader
        title={`${product.name} · ${plan.name}`}
        description={
          <>
            Slug <span className="font-mono">{plan.slug}</span> · {formatCount(licenses)} {licenses.n === 1 && !licenses.capped ? 'license' : 'licenses'} issued on this plan.
          </>
        }
        actions={issue}
      />
      {created && (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="plan-created">
          Plan created. You can issue licenses for it now.
        </p>
      )}
      <Section>
        <PlanForm action={updatePlanAction} hidden={{ planId: plan.id }} values={plan} isNew={false} />
      </Section>
      <Section title={archived ? 'Restore' : 'Archive'} className="mt-6">
        <ArchivePlanForm planId={plan.id} archived={archived} action={setPlanArchivedAction} />
      </Section>
    </>
  );
}
