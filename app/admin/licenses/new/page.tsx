import type { Metadata } from 'next';
import Link from 'next/link';
import { issueLicensesAction } from '@/app/admin/licenses/actions';
import { IssueLicensesForm } from '@/components/admin/issue-licenses-form';
import { BackLink, PageHeader } from '@/components/admin/page-header';
import { Section } from '@/components/ui/section';
import { ADMIN_ONLY, requireStaffPage } from '@/lib/auth/staff';
import { listPlansForIssuing } from '@/lib/licensing/admin-catalog-views';
import { formatDuration } from '@/lib/licensing/durations';

export const metadata: Metadata = { title: 'Issue licenses' };

export default async function IssueLicensesPage({ searchParams }: { searchParams: Promise<{ plan?: string }> }) {
  await requireStaffPage(ADMIN_ONLY, '/admin/licenses/new');
  const { plan } = await searchParams;
  const plans = (await listPlansForIssuing()).map((row) => ({
    id: row.plan.id,
    group: row.product.name,
    label: `${row.plan.name} — ${row.plan.seatLimit} seats, ${formatDuration(row.plan.offlineTtlSeconds)} offline`,
  }));
  return (
    <>
      <BackLink href="/admin/licenses">Licenses</BackLink>
      <PageHeader title="Issue licenses" description="Each license gets its own key. Customers type the key into your application, which writes the activation request." />
      <Section>
        {plans.length === 0 ? (
          <p className="text-sm text-slate-600">
            Create a product and a plan first:{' '}
            <Link href="/admin/products" className="text-indigo-600 hover:underline">
              Products & plans
            </Link>
            .
          </p>
        ) : (
          <IssueLicensesForm action={issueLicensesAction} plans={plans} planId={plans.some((p) => p.id === plan) ? plan : undefined} />
        )}
      </Section>
    </>
  );
}
