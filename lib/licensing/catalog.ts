import 'server-only';
import crypto from 'node:crypto';
import { z } from 'zod';
import { writeTransaction } from '@/db/client';
import { findPlanBySlug, findProductById, findProductBySlug, insertPlan, insertProduct } from '@/db/queries/catalog';
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

/** Plan limits from issue 5: TTL 1 hour to 10 years, grace 0 to 365 days, at least 1 seat. */
export const planInput = z
  .object({
    productId: z.string().min(1),
    slug,
    name: z.string().trim().min(1, 'Give the plan a name.').max(120),
    offlineTtlSeconds: z
      .number()
      .int()
      .min(HOUR, 'The offline TTL must be at least 1 hour.')
      .max(10 * YEAR, 'The offline TTL can be at most 10 years.'),
    graceSeconds: z.number().int().min(0, 'Grace cannot be negative.').max(365 * DAY, 'Grace can be at most 365 days.'),
    seatLimit: z.number().int().min(1, 'A plan needs at least 1 seat.').max(100_000, 'At most 100,000 seats.'),
    maxRequestedDurationSeconds: z
      .number()
      .int()
      .min(HOUR, 'The longest requested lease must be at least 1 hour.')
      .max(10 * YEAR, 'The longest requested lease can be at most 10 years.')
      .nullable()
      .default(null),
    features: z.array(z.string().trim().min(1).max(64)).max(100).default([]),
    encryptLicenseFiles: z.boolean().default(true),
    reclaimLapsedSeats: z.boolean().default(true),
  });
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
