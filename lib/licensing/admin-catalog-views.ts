import 'server-only';
import { findPlanById, findProductById, listAllPlans, listPlansOfProduct, listProducts } from '@/db/queries/catalog';
import { countMatchingLicenses } from '@/db/queries/license-search';
import type { Plan, Product } from '@/db/schema';

/** Every product with its plans, for the products overview. */
export function productsWithPlans(): { product: Product; plans: Plan[] }[] {
  return listProducts().map((product) => ({ product, plans: listPlansOfProduct(product.id) }));
}

/** A product by id, or `undefined`. */
export function productById(productId: string): Product | undefined {
  return findProductById(productId);
}

/** A product and its plans, each with how many licenses were issued on it; `undefined` when no such product. */
export function productPage(productId: string): { product: Product; plans: (Plan & { licenseCount: number })[] } | undefined {
  const product = findProductById(productId);
  if (!product) return undefined;
  const plans = listPlansOfProduct(product.id).map((plan) => ({ ...plan, licenseCount: countMatchingLicenses({ planId: plan.id }) }));
  return { product, plans };
}

/** A plan, its product and how many licenses were issued on it; `undefined` when either is missing. */
export function planPage(planId: string): { plan: Plan; product: Product; licenseCount: number } | undefined {
  const plan = findPlanById(planId);
  const product = plan && findProductById(plan.productId);
  if (!plan || !product) return undefined;
  return { plan, product, licenseCount: countMatchingLicenses({ planId: plan.id }) };
}

/** The plans licenses can be issued on (not archived), grouped by product name. */
export function listPlansForIssuing(): { plan: Plan; product: Product }[] {
  return listAllPlans().filter((row) => !row.plan.archivedAt);
}
