import type { Metadata } from 'next';
import Link from 'next/link';
import { createProductAction } from '@/app/admin/products/actions';
import { PageHeader } from '@/components/admin/page-header';
import { Section } from '@/components/ui/section';
import { ProductForm } from '@/components/admin/product-form';
import { ADMIN_ONLY, requireStaffPage } from '@/lib/auth/staff';
import { productsWithPlans } from '@/lib/licensing/admin-catalog-views';
import { formatDuration } from '@/lib/licensing/durations';

export const metadata: Metadata = { title: 'Products & plans' };

export default async function ProductsPage() {
  await requireStaffPage(ADMIN_ONLY, '/admin/products');
  const products = await productsWithPlans();
  return (
    <>
      <PageHeader title="Products & plans" description="A product is one application; its plans set how long license files work offline, the grace after that, and the seats per license." />
      <div className="space-y-4" data-testid="product-list">
        {products.length === 0 && <p className="text-sm text-slate-500">No products yet. Create the first one below.</p>}
        {products.map(({ product, plans }) => (
          <Section
            key={product.id}
            testId={`product-${product.slug}`}
            title={
              <>
                {product.name} <span className="ml-1 font-mono text-xs font-normal text-slate-500">{product.slug}</span>
              </>
            }
            actions={
              <Link href={`/admin/products/${product.id}`} className="text-sm font-normal text-indigo-600 hover:underline">
                Manage
              </Link>
            }
          >
            {plans.length === 0 ? (
              <p className="text-sm text-slate-500">No plans yet.</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {plans.map((plan) => (
                  <li key={plan.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <Link href={`/admin/plans/${plan.id}`} className="font-medium text-slate-800 hover:text-indigo-700">
                      {plan.name}
                    </Link>
                    <span className="text-slate-500">
                      offline {formatDuration(plan.offlineTtlSeconds)} · grace {formatDuration(plan.graceSeconds)} · {plan.seatLimit} {plan.seatLimit === 1 ? 'seat' : 'seats'}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        ))}
      </div>
      <Section title="New product" className="mt-8">
        <ProductForm action={createProductAction} />
      </Section>
    </>
  );
}
