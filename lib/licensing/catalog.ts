import 'server-only';
import crypto from 'node:crypto';
import { z } from 'zod';
import { writeTransaction } from '@/db/client';
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
import type { Actor } from '@/lib/licensing/actor';
import { audit } from '@/lib/licensing/audit';
import { DAY, HOUR, YEAR } from '@/lib/licensing/durations';
import { fail, type Result } from '@/lib/licensing/errors';

const slug = z
  .string()
  .trim()
  .min(2, 'Use at least 2 characters.')
  .max(64, 'Use at most 64 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes, e.g. "acme-studio".');

export const productInput = z.object({
  slug,
  name: z.string().trim().min(1, 'Give the product a name.').max(120),
  description: z.string().trim().max(2000).default(''),
});
export type ProductInput = z.input<typeof productInput>;

const wholeNumber = (what: string) => z.number({ error: `Enter ${what} as a number.` }).int(`Enter ${what} as a whole number of seconds.`);

/** The settings of a plan that can change after it is created (slug and product cannot). */
export const planSettingsInput = z.object({
  name: z.string().trim().min(1, 'Give the plan a name.').max(120),
  offlineTtlSeconds: wholeNumber('the offline TTL')
    .min(HOUR, 'The offline TTL must be at least 1 hour.')
    .max(10 * YEAR, 'The offline TTL can be at most 10 years.'),
  graceSeconds: wholeNumber('the grace period').min(0, 'Grace cannot be negative.').max(365 * DAY, 'Grace can be at most 365 days.'),
  seatLimit: z
    .number({ error: 'Enter the number of seats.' })
    .int('Seats must be a whole number.')
    .min(1, 'A plan needs at least 1 seat.')
    .max(100_000, 'At most 100,000 seats.'),
  maxRequestedDurationSeconds: wholeNumber('the longest requested lease')
    .min(HOUR, 'The longest requested lease must be at least 1 hour.')
    .max(10 * YEAR, 'The longest requested lease can be at most 10 years.')
    .nullable()
    .default(null),
  features: z
    .array(z.string().trim().min(1).max(64, 'Each feature name can be at most 64 characters.').regex(/^[A-Za-z0-9._:-]+$/, 'Feature names use letters, digits, ".", "_", ":" and "-" (no spaces).'))
    .max(100, 'At most 100 features.')
    .refine((list) => new Set(list).size === list.length, 'List each feature once.')
    .default([]),
  encryptLicenseFiles: z.boolean().default(true),
  reclaimLapsedSeats: z.boolean().default(true),
});
export type PlanSettingsInput = z.input<typeof planSettingsInput>;

/** Plan limits from issue 5: TTL 1 hour to 10 years, grace 0 to 365 days, at least 1 seat. */
export const planInput = planSettingsInput.extend({ productId: z.string().min(1), slug });
export type PlanInput = z.input<typeof planInput>;

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  return z.flattenError(error).fieldErrors as Record<string, string[]>;
}

export function createProduct(input: ProductInput, actor: Actor): Result<{ product: Pick<Product, 'id' | 'slug' | 'name'> }> {
  const parsed = productInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Check the highlighted fields.', fieldErrorsOf(parsed.error));
  const { slug: productSlug, name, description } = parsed.data;
  return writeTransaction((tx) => {
    if (findProductBySlug(productSlug, tx)) {
      return fail('ERR_CONFLICT', `A product with the slug "${productSlug}" exists already. Choose another slug.`, {
        slug: ['This slug is taken.'],
      });
    }
    const id = crypto.randomUUID();
    insertProduct({ id, slug: productSlug, name, description }, tx);
    audit(tx, actor, 'product.create', { type: 'product', id }, { slug: productSlug, name });
    return { ok: true as const, product: { id, slug: productSlug, name } };
  });
}

export function createPlan(input: PlanInput, actor: Actor): Result<{ plan: Pick<Plan, 'id' | 'slug' | 'name'> }> {
  const parsed = planInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Check the highlighted fields.', fieldErrorsOf(parsed.error));
  const data = parsed.data;
  return writeTransaction((tx) => {
    if (!findProductById(data.productId, tx)) return fail('ERR_NOT_FOUND', 'That product does not exist any more. Reload the page.');
    if (findPlanBySlug(data.productId, data.slug, tx)) {
      return fail('ERR_CONFLICT', `This product already has a plan "${data.slug}". Choose another slug.`, { slug: ['This slug is taken.'] });
    }
    const id = crypto.randomUUID();
    insertPlan({ id, ...data }, tx);
    audit(tx, actor, 'plan.create', { type: 'plan', id }, { ...data });
    return { ok: true as const, plan: { id, slug: data.slug, name: data.name } };
  });
}

export const productUpdateInput = productInput.omit({ slug: true });
export type ProductUpdateInput = z.input<typeof productUpdateInput>;

/** Renames or re-describes a product; the slug is carried in license files and never changes. */
export function updateProduct(productId: string, input: ProductUpdateInput, actor: Actor): Result<{ product: Pick<Product, 'id' | 'slug' | 'name'> }> {
  const parsed = productUpdateInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Check the highlighted fields.', fieldErrorsOf(parsed.error));
  return writeTransaction((tx) => {
    const before = findProductById(productId, tx);
    if (!before) return fail('ERR_NOT_FOUND', 'That product does not exist any more. Reload the page.');
    updateProductRow(productId, parsed.data, tx);
    audit(tx, actor, 'product.update', { type: 'product', id: productId }, changes(before, parsed.data));
    return { ok: true as const, product: { id: productId, slug: before.slug, name: parsed.data.name } };
  });
}

/**
 * Changes a plan's settings. Files already issued keep the terms they were signed
 * with; the new settings apply to license files issued from now on.
 */
export function updatePlan(planId: string, input: PlanSettingsInput, actor: Actor): Result<{ plan: Pick<Plan, 'id' | 'slug' | 'name'> }> {
  const parsed = planSettingsInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Check the highlighted fields.', fieldErrorsOf(parsed.error));
  return writeTransaction((tx) => {
    const before = findPlanById(planId, tx);
    if (!before) return fail('ERR_NOT_FOUND', 'That plan does not exist any more. Reload the page.');
    updatePlanRow(planId, parsed.data, tx);
    audit(tx, actor, 'plan.update', { type: 'plan', id: planId }, { slug: before.slug, ...changes(before, parsed.data) });
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
