import { describe, expect, it } from 'vitest';
import { listAuditEventsPage } from '@/db/queries/audit-log';
import { findPlanById, findProductById } from '@/db/queries/catalog';
import { SYSTEM_ACTOR, type Actor } from '@/lib/core/actor';
import { createPlan, createProduct, updatePlan, updateProduct } from '@/lib/licensing/catalog';
import { planInput, type PlanInput } from '@/lib/licensing/catalog-schema';
import { DAY, HOUR, YEAR } from '@/lib/licensing/durations';

const admin: Actor = { type: 'user', id: 'u-admin', label: 'admin@example.com', ip: '10.0.0.9' };

function plan(overrides: Partial<PlanInput> = {}): PlanInput {
  return { productId: 'p', slug: 'basic', name: 'Basic', offlineTtlSeconds: 30 * DAY, graceSeconds: 7 * DAY, seatLimit: 2, ...overrides };
}

function errorsOf(input: PlanInput): Record<string, string[] | undefined> {
  const parsed = planInput.safeParse(input);
  if (parsed.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (out[String(issue.path[0])] ??= []).push(issue.message);
  return out;
}

describe('plan validation at the edges', () => {
  it('accepts an offline TTL of exactly 1 hour and refuses 59 minutes 59 seconds', async () => {
    expect(errorsOf(plan({ offlineTtlSeconds: HOUR }))).toEqual({});
    expect(errorsOf(plan({ offlineTtlSeconds: HOUR - 1 })).offlineTtlSeconds).toEqual(['The offline TTL must be at least 1 hour.']);
  });

  it('accepts an offline TTL of exactly 10 years and refuses one second more', async () => {
    expect(errorsOf(plan({ offlineTtlSeconds: 10 * YEAR }))).toEqual({});
    expect(errorsOf(plan({ offlineTtlSeconds: 10 * YEAR + 1 })).offlineTtlSeconds).toEqual(['The offline TTL can be at most 10 years.']);
  });

  it('accepts grace of 0 and of exactly 365 days, and refuses a second more or a negative grace', async () => {
    expect(errorsOf(plan({ graceSeconds: 0 }))).toEqual({});
    expect(errorsOf(plan({ graceSeconds: 365 * DAY }))).toEqual({});
    expect(errorsOf(plan({ graceSeconds: 365 * DAY + 1 })).graceSeconds).toEqual(['Grace can be at most 365 days.']);
    expect(errorsOf(plan({ graceSeconds: -1 })).graceSeconds).toEqual(['Grace cannot be negative.']);
  });

  it('refuses 0 seats and accepts 1', async () => {
    expect(errorsOf(plan({ seatLimit: 0 })).seatLimit).toEqual(['A plan needs at least 1 seat.']);
    expect(errorsOf(plan({ seatLimit: 1 }))).toEqual({});
  });

  it('says which field is not a number', async () => {
    expect(errorsOf(plan({ offlineTtlSeconds: Number.NaN })).offlineTtlSeconds).toEqual(['Enter the offline TTL as a number.']);
    expect(errorsOf(plan({ seatLimit: 1.5 })).seatLimit).toEqual(['Seats must be a whole number.']);
  });

  it('bounds the longest requested lease like the TTL, and allows none', async () => {
    expect(errorsOf(plan({ maxRequestedDurationSeconds: null }))).toEqual({});
    expect(errorsOf(plan({ maxRequestedDurationSeconds: HOUR - 1 })).maxRequestedDurationSeconds).toEqual(['The longest requested lease must be at least 1 hour.']);
  });

  it('refuses feature names with spaces and duplicates', async () => {
    expect(errorsOf(plan({ features: ['export pdf'] })).features?.[0]).toMatch(/no spaces/);
    expect(errorsOf(plan({ features: ['sso', 'sso'] })).features).toEqual(['List each feature once.']);
  });
});

describe('editing products and plans', () => {
  it('updates a plan, keeps its slug, and audits what changed from what', async () => {
    const product = await createProduct({ slug: 'edit-me', name: 'Edit me' }, SYSTEM_ACTOR);
    if (!product.ok) throw new Error(product.message);
    const created = await createPlan(plan({ productId: product.product.id }), SYSTEM_ACTOR);
    if (!created.ok) throw new Error(created.message);

    const result = await updatePlan(created.plan.id, { name: 'Basic+', offlineTtlSeconds: 10 * DAY, graceSeconds: 3 * DAY, seatLimit: 5, features: ['sso'] }, admin);
    expect(result).toEqual({ ok: true, plan: { id: created.plan.id, slug: 'basic', name: 'Basic+' } });
    expect(await findPlanById(created.plan.id)).toMatchObject({ slug: 'basic', offlineTtlSeconds: 10 * DAY, graceSeconds: 3 * DAY, seatLimit: 5, features: ['sso'] });

    const [row] = await listAuditEventsPage({ action: 'plan.update' }, { limit: 1, offset: 0 });
    expect(row).toMatchObject({ actorLabel: 'admin@example.com', actorId: 'u-admin', ip: '10.0.0.9', targetId: created.plan.id });
    expect(row!.details).toMatchObject({ slug: 'basic', offlineTtlSeconds: { from: 30 * DAY, to: 10 * DAY }, seatLimit: { from: 2, to: 5 } });
    expect(row!.details).not.toHaveProperty('reclaimLapsedSeats');
  });

  it('refuses an invalid edit with field errors and changes nothing', async () => {
    const product = await createProduct({ slug: 'keep-me', name: 'Keep me' }, SYSTEM_ACTOR);
    if (!product.ok) throw new Error(product.message);
    const created = await createPlan(plan({ productId: product.product.id }), SYSTEM_ACTOR);
    if (!created.ok) throw new Error(created.message);
    const result = await updatePlan(created.plan.id, { name: 'X', offlineTtlSeconds: 60, graceSeconds: 0, seatLimit: 0 }, admin);
    expect(result).toMatchObject({ ok: false, code: 'ERR_VALIDATION', fieldErrors: { offlineTtlSeconds: expect.any(Array), seatLimit: expect.any(Array) } });
    expect(await findPlanById(created.plan.id)).toMatchObject({ name: 'Basic', seatLimit: 2 });
  });

  it('renames a product and refuses an unknown one', async () => {
    const product = await createProduct({ slug: 'rename-me', name: 'Old' }, SYSTEM_ACTOR);
    if (!product.ok) throw new Error(product.message);
    expect(await updateProduct(product.product.id, { name: 'New', description: 'Now with more' }, admin)).toMatchObject({ ok: true });
    expect(await findProductById(product.product.id)).toMatchObject({ slug: 'rename-me', name: 'New', description: 'Now with more' });
    expect(await updateProduct('missing', { name: 'x' }, admin)).toMatchObject({ ok: false, code: 'ERR_NOT_FOUND' });
    expect(await updatePlan('missing', { name: 'x', offlineTtlSeconds: DAY, graceSeconds: 0, seatLimit: 1 }, admin)).toMatchObject({ ok: false, code: 'ERR_NOT_FOUND' });
  });
});
