'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { ADMIN_ONLY, staffAction } from '@/lib/auth/staff';
import { createPlan, createProduct, setPlanArchived, updatePlan, updateProduct } from '@/lib/licensing/catalog';
import { planFormFields, planSettingsFromForm } from '@/lib/licensing/plan-form';

const text = z.string().default('');

export const createProductAction = staffAction(ADMIN_ONLY, z.object({ slug: text, name: text, description: text }), async (input, { actor }) => {
  const result = await createProduct(input, actor);
  if (!result.ok) return result;
  revalidatePath('/admin', 'layout');
  redirect(`/admin/products/${result.product.id}`);
});

export const updateProductAction = staffAction(ADMIN_ONLY, z.object({ productId: z.string(), name: text, description: text }), async (input, { actor }) => {
  const result = await updateProduct(input.productId, { name: input.name, description: input.description }, actor);
  if (result.ok) revalidatePath('/admin', 'layout');
  return result.ok ? { ...result, message: 'Product saved.' } : result;
});

export const createPlanAction = staffAction(ADMIN_ONLY, planFormFields.extend({ productId: z.string(), slug: text }), async (input, { actor }) => {
  const result = await createPlan({ productId: input.productId, slug: input.slug, ...planSettingsFromForm(input) }, actor);
  if (!result.ok) return result;
  revalidatePath('/admin', 'layout');
  redirect(`/admin/plans/${result.plan.id}?created=1`);
});

export const updatePlanAction = staffAction(ADMIN_ONLY, planFormFields.extend({ planId: z.string() }), async (input, { actor }) => {
  const result = await updatePlan(input.planId, planSettingsFromForm(input), actor);
  if (result.ok) revalidatePath('/admin', 'layout');
  return result.ok ? { ...result, message: 'Plan saved. The new settings apply to license files issued from now on.' } : result;
});

export const setPlanArchivedAction = staffAction(ADMIN_ONLY, z.object({ planId: z.string(), archived: z.enum(['1', '0']) }), async (input, { actor }) => {
  const archived = input.archived === '1';
  const result = await setPlanArchived(input.planId, archived, actor);
  if (result.ok) revalidatePath('/admin', 'layout');
  return result.ok
    ? { ...result, message: archived ? 'Plan archived: no new licenses can be issued for it.' : 'Plan restored: you can issue licenses for it again.' }
    : result;
});
