import 'server-only';
import crypto from 'node:crypto';
import { z } from 'zod';
import { writeTransaction, type Tx } from '@/db/client';
import { findPlanById, findProductById } from '@/db/queries/catalog';
import { insertLicense } from '@/db/queries/licenses';
import { sealSecret } from '@/lib/instance/master-key';
import type { Actor } from '@/lib/core/actor';
import { audit } from '@/db/queries/audit';
import { fieldErrorsOf } from '@/lib/core/result';
import { fail, type Result } from '@/lib/core/result';
import { generateLicenseKey, hashLicenseKey, licenseKeyParts } from '@/lib/licensing/license-key';
import { emitWebhookEvent } from '@/lib/webhooks/outbox';

export const LICENSE_KEY_CONTEXT = 'licenses.key';

const issueLicensesInput = z.object({
  planId: z.string().min(1, 'Choose a plan.'),
  count: z.number({ error: 'Enter how many licenses to issue.' }).int('Enter a whole number.').min(1, 'Issue at least 1 license.').max(1000, 'Issue at most 1,000 licenses at once.').default(1),
  customerName: z.string().trim().max(200).default(''),
  // Trim before checking: a pasted address often carries a space.
  customerEmail: z.string().trim().toLowerCase().pipe(z.union([z.literal(''), z.email('Enter a valid email address, or leave it empty.')])).default(''),
  expiresAt: z.date({ error: 'Choose a valid date, or leave it empty for no expiry.' }).nullable().default(null),
});
export type IssueLicensesInput = z.input<typeof issueLicensesInput>;

export interface IssuedLicense {
  id: string;
  key: string;
}

/**
 * Issues `count` licenses of a plan. The keys are returned in full this once; the
 * database keeps only their hash and a sealed copy (DESIGN.md "Secrets at rest").
 * Pass `tx` to make the issue part of a larger change (the demo data).
 */
export async function issueLicenses(input: IssueLicensesInput, actor: Actor, now = new Date(), tx?: Tx): Promise<Result<{ licenses: IssuedLicense[] }>> {
  const parsed = issueLicensesInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Check the highlighted fields.', fieldErrorsOf(parsed.error));
  const { planId, count, customerName, customerEmail, expiresAt } = parsed.data;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    return fail('ERR_VALIDATION', 'The expiry date must be in the future.', { expiresAt: ['Choose a date in the future.'] });
  }
  const keys = Array.from({ length: count }, () => generateLicenseKey());
  const sealed = await Promise.all(keys.map((key) => sealSecret(key, LICENSE_KEY_CONTEXT)));
  const issue = async (tx: Tx): Promise<Result<{ licenses: IssuedLicense[] }>> => {
    const plan = await findPlanById(planId, tx);
    if (!plan) return fail('ERR_NOT_FOUND', 'That plan does not exist any more. Reload the page and choose another.');
    if (plan.archivedAt) return fail('ERR_CONFLICT', `The plan ${plan.name} is archived. Restore it on its page under Products & plans, or choose another plan.`, { planId: ['This plan is archived.'] });
    const product = await findProductById(plan.productId, tx);
    const issued: IssuedLicense[] = [];
    for (const [i, key] of keys.entries()) {
      const id = crypto.randomUUID();
      const { prefix, suffix } = licenseKeyParts(key);
      await insertLicense(
        {
          id,
          planId,
          keyHash: hashLicenseKey(key),
          keyEncrypted: sealed[i]!,
          keyPrefix: prefix,
          keySuffix: suffix,
          customerName,
          customerEmail,
          expiresAt,
          createdBy: actor.id ?? actor.label,
          createdAt: now,
          updatedAt: now,
        },
        tx,
      );
      await audit(tx, actor, 'license.issue', { type: 'license', id, licenseId: id }, { plan: plan.slug, product: product?.slug, customerEmail, expiresAt: expiresAt?.toISOString() ?? null }, now);
      await emitWebhookEvent(tx, 'license.created', id, { license_id: id, product: product?.slug ?? null, plan: plan.slug, customer_name: customerName, customer_email: customerEmail, expires_at: expiresAt?.toISOString() ?? null }, now);
      issued.push({ id, key });
    }
    return { ok: true as const, licenses: issued };
  };
  return tx ? issue(tx) : writeTransaction(issue);
}
