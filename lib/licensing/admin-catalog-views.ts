import 'server-only';
import { findPlanById, findProductById, listAllPlans, listPlansOfProduct, listProducts } from '@/db/queries/catalog';
import { countMatchingLicenses, type CappedCount } from '@/db/queries/license-search';
import type { Plan, Product } from '@/db/schema';

/** Every product with its plans, for the products overview. */
export async function productsWithPlans(): Promise<{ product: Product; plans: Plan[] }[]> {
  const products = await listProducts();
  return Promise.all(products.map(async (product) => ({ product, plans: await listPlansOfProduct(product.id) })));
}

/** A product by id, or `undefined`. */
export async function productById(productId: string): Promise<Product | undefined> {
  return findProductById(productId);
}

/**
 * A product and its plans, each with how many licenses were issued on it (counted up to a
 * cap: `capped` means "more than `n`"); `undefined` when no such product.
 */
export async function productPage(productId: string): Promise<{ product: Product; plans: (Plan & { licenseCount: CappedCount })[] } | undefined> {
  const product = await findProductById(productId);
  if (!product) return undefined;
  const plans = await Promise.all(
    (await listPlansOfProduct(product.id)).map(async (plan) => ({ ...plan, licenseCount: await countMatchingLicenses({ planId: plan.id }) })),
  );
  return { product, plans };
}

/** A plan, its product and how many licenses were issued on it (capped, as above); `undefined` when either is missing. */
export async function planPage(planId: string): Promise<{ plan: Plan; product: Product; licenseCount: CappedCount } | undefined> {
  const plan = await findPlanById(planId);
  const product = plan && (await findProductById(plan.productId));
  if (!plan || !product) return undefined;
  return { plan, product, licenseCount: await countMatchingLicenses({ planId: plan.id }) };
}

/** The plans licenses can be issued on (not archived), grouped by product name. */
export async function listPlansForIssuing(): Promise<{ plan: Plan; product: Product }[]> {
  return (await listAllPlans()).filter((row) => !row.plan.archivedAt);
}
