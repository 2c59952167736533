import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { updateProductAction } from '@/app/admin/products/actions';
import { BackLink, PageHeader } from '@/components/admin/page-header';
import { formatCount } from '@/components/ui/pagination';
import { Section } from '@/components/ui/section';
import { ProductForm } from '@/components/admin/product-form';
import { cellClass, EmptyRow, Table } from '@/components/ui/table';
import { ADMIN_ONLY, requireStaffPage } from '@/lib/auth/staff';
import { productPage } from '@/lib/licensing/admin-catalog-views';
import { formatDuration } from '@/lib/licensing/durations';

export const metadata: Metadata = { title: 'Product' };

export default async function ProductPage({ params }: { params: Promise<{ productId: string }> }) {
  const { productId } = await params;
  await requireStaffPage(ADMIN_ONLY, `/admin/products/${productId}`);
  const found = await productPage(productId);
  if (!found) notFound();
  const { product, plans } = found;
  const newPlan = (
    <Link href={`/admin/products/${product.id}/plans/new`} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500" data-testid="new-plan">
      New plan
    </Link>
  );
  return (
    <>
      <BackLink href="/admin/products">Products & plans</BackLink>
      <PageHeader title={product.name} description={product.description || undefined} actions={newPlan} />
      <Table
        head={['Plan', 'Offline TTL', 'Grace', 'Seats', 'Features', 'Licenses', { label: 'Actions', hidden: true }]}
        testId="plan-table"
        empty={plans.length === 0 ? <EmptyRow text="No plans yet: create one to issue licenses." /> : undefined}
      >
        {plans.map((plan) => (
          <tr key={plan.id}>
            <td className={cellClass}>
              <div className="font-medium text-slate-900">
                {plan.name}
                {plan.archivedAt && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">archived</span>}
              </div>
              <div className="font-mono text-xs text-slate-500">{plan.slug}</div>
            </td>
            <td className={cellClass}>{formatDuration(plan.offlineTtlSeconds)}</td>
            <td className={cellClass}>{formatDuration(plan.graceSeconds)}</td>
            <td className={cellClass}>{plan.seatLimit}</td>
            <td className={`${cellClass} font-mono text-xs`}>{plan.features.join(', ') || '—'}</td>
            <td className={cellClass}>{formatCount(plan.licenseCount)}</td>
            <td className={`${cellClass} text-right`}>
              <Link href={`/admin/plans/${plan.id}`} className="text-indigo-600 hover:underline" data-testid={`edit-plan-${plan.slug}`}>
                Edit
              </Link>
            </td>
          </tr>
        ))}
      </Table>
      <Section title="Product details" className="mt-8">
        <ProductForm action={updateProductAction} product={product} />
      </Section>
    </>
  );
}
