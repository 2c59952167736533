/**
 * Unit-test set-up: a fresh product, plan and license through the domain code.
 * (e2e/fixtures/domain.ts does the same against the test server's database.)
 */
import crypto from 'node:crypto';
import { SYSTEM_ACTOR } from '@/lib/licensing/actor';
import { createPlan, createProduct } from '@/lib/licensing/catalog';
import { DAY } from '@/lib/licensing/durations';
import { issueLicenses } from '@/lib/licensing/issue-licenses';

export function createLicenseForTest(options: { expiresAt?: Date | null; now?: Date; customerName?: string; customerEmail?: string } = {}) {
  const suffix = crypto.randomBytes(4).toString('hex');
  const product = createProduct({ slug: `unit-${suffix}`, name: `Unit ${suffix}` }, SYSTEM_ACTOR);
  if (!product.ok) throw new Error(product.message);
  const plan = createPlan({ productId: product.product.id, slug: 'standard', name: 'Standard', offlineTtlSeconds: 30 * DAY, graceSeconds: 7 * DAY, seatLimit: 2 }, SYSTEM_ACTOR);
  if (!plan.ok) throw new Error(plan.message);
  const issued = issueLicenses(
    { planId: plan.plan.id, expiresAt: options.expiresAt ?? null, customerName: options.customerName, customerEmail: options.customerEmail },
    SYSTEM_ACTOR,
    options.now,
  );
  if (!issued.ok) throw new Error(issued.message);
  return { licenseId: issued.licenses[0]!.id, key: issued.licenses[0]!.key, planId: plan.plan.id, productId: product.product.id };
}
