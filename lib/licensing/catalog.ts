import 'server-only';
import crypto from 'node:crypto';
import { writeTransaction, type Tx } from '@/db/client';
import {
  findPlanById,
  findPlanBySlug,
  findProductById,
  findProductBySlug,
  insertPlan,
  insertProduct,
  updatePlan as updatePlanRow,
  updateProduct as updateProductRow,
} from '@/db/queries/catalog';
import type { Plan, Product } from '@/db/schema';
import type { Actor } from '@/lib/core/actor';
import { audit } from '@/db/queries/audit';
import {
  planInput,
  planSettingsInput,
  productInput,
  productUpdateInput,
  type PlanInput,
  type PlanSettingsInput,
  type ProductInput,
  type ProductUpdateInput,
} from '@/lib/licensing/catalog-schema';
import { fail, fieldErrorsOf, type Result } from '@/lib/core/result';

/** Runs `fn` in the caller's transaction when one is given (e.g. the demo data's), else in its own. */
function inTransaction<T>(tx: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return tx ? fn(tx) : writeTransaction(fn);
}

/** Creates a product; pass `tx` to make it part of a larger change. */
export async function createProduct(input: ProductInput, actor: Actor, tx?: Tx): Promise<Result<{ product: Pick<Product, 'id' | 'slug' | 'name'> }>> {
  const parsed = productInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Check the highlighted fields.', fieldErrorsOf(parsed.error));
  const { slug: productSlug, name, description } = parsed.data;
  return inTransaction(tx, async (tx) => {
    if (await findProductBySlug(productSlug, tx)) {
      return fail('ERR_CONFLICT', `A product with the slug "${productSlug}" exists already. Choose another slug.`, {
        slug: ['This slug is taken.'],
      });
    }
    const id = crypto.randomUUID();
    await insertProduct({ id, slug: productSlug, name, description }, tx);
    await audit(tx, actor, 'product.create', { type: 'product', id }, { slug: productSlug, name });
    return { ok: true as const, product: { id, slug: productSlug, name } };
  });
}

/** Creates a plan of a product; pass `tx` to make it part of a larger change. */
export async function createPlan(input: PlanInput, actor: Actor, tx?: Tx): Promise<Result<{ plan: Pick<Plan, 'id' | 'slug' | 'name'> }>> {
  const parsed = planInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Check the highlighted fields.', fieldErrorsOf(parsed.error));
  const data = parsed.data;
  return inTransaction(tx, async (tx) => {
    if (!(await findProductById(data.productId, tx))) return fail('ERR_NOT_FOUND', 'That product does not exist any more. Reload the page.');
    if (await findPlanBySlug(data.productId, data.slug, tx)) {
      return fail('ERR_CONFLICT', `This product already has a plan "${data.slug}". Choose another slug.`, { slug: ['This slug is taken.'] });
    }
    const id = crypto.randomUUID();
    await insertPlan({ id, ...data }, tx);
    await audit(tx, actor, 'plan.create', { type: 'plan', id }, { ...data });
    return { ok: true as const, plan: { id, slug: data.slug, name: data.name } };
  });
}

/** Renames or re-describes a product; the slug is carried in license files and never changes. */
export async function updateProduct(productId: string, input: ProductUpdateInput, actor: Actor): Promise<Result<{ product: Pick<Product, 'id' | 'slug' | 'name'> }>> {
  const parsed = productUpdateInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Check the highlighted fields.', fieldErrorsOf(parsed.error));
  return writeTransaction(async (tx) => {
    const before = await findProductById(productId, tx);
    if (!before) return fail('ERR_NOT_FOUND', 'That product does not exist any more. Reload the page.');
    await updateProductRow(productId, parsed.data, tx);
    await audit(tx, actor, 'product.update', { type: 'product', id: productId }, changes(before, parsed.data));
    return { ok: true as const, product: { id: productId, slug: before.slug, name: parsed.data.name } };
  });
}

/**
 * Changes a plan's settings. Files already issued keep the terms they were signed
 * with; the new settings apply to license files issued from now on.
 */
export async function updatePlan(planId: string, input: PlanSettingsInput, actor: Actor): Promise<Result<{ plan: Pick<Plan, 'id' | 'slug' | 'name'> }>> {
  const parsed = planSettingsInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Check the highlighted fields.', fieldErrorsOf(parsed.error));
  return writeTransaction(async (tx) => {
    const before = await findPlanById(planId, tx);
    if (!before) return fail('ERR_NOT_FOUND', 'That plan does not exist any more. Reload the page.');
    await updatePlanRow(planId, parsed.data, tx);
    await audit(tx, actor, 'plan.update', { type: 'plan', id: planId }, { slug: before.slug, ...changes(before, parsed.data) });
    return { ok: true as const, plan: { id: planId, slug: before.slug, name: parsed.data.name } };
  });
}

/** `{ field: { from, to } }` for the fields that differ: what the audit row records. */
function changes<T extends object>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    const from = (before as Record<string, unknown>)[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) out[key] = { from, to };
  }
  return out;
}

/**
 * Archives a plan (no new licenses can be issued for it) or restores it. Licenses
 * already issued keep working, activating and refreshing: archiving stops selling a
 * plan, it never takes a product away from a customer.
 */
export async function setPlanArchived(planId: string, archived: boolean, actor: Actor, now = new Date()): Promise<Result<{ plan: Pick<Plan, 'id' | 'slug' | 'name'> }>> {
  return writeTransaction(async (tx) => {
    const plan = await findPlanById(planId, tx);
    if (!plan) return fail('ERR_NOT_FOUND', 'That plan does not exist any more. Reload the page.');
    if (Boolean(plan.archivedAt) === archived) return fail('ERR_CONFLICT', `The plan ${plan.name} is ${archived ? 'archived' : 'not archived'} already.`);
    await updatePlanRow(planId, { archivedAt: archived ? now : null }, tx);
    await audit(tx, actor, archived ? 'plan.archive' : 'plan.restore', { type: 'plan', id: planId }, { slug: plan.slug }, now);
    return { ok: true as const, plan: { id: planId, slug: plan.slug, name: plan.name } };
  });
}
