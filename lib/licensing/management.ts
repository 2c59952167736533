import 'server-only';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { findPlanById, findPlanBySlug, findProductBySlug } from '@/db/queries/catalog';
import { findLicenseById, type LicenseWithPlan } from '@/db/queries/licenses';
import type { Actor } from '@/lib/core/actor';
import { LICENSE_STATUSES } from '@/lib/core/enums';
import { fail, fieldErrorsOf, type Failure, type Result } from '@/lib/core/result';
import { issueLicenses, type IssuedLicense } from '@/lib/licensing/issue-licenses';
import { changeCustomerInput, changeLicenseCustomerIn, changeLicenseExpiryIn, reinstateLicenseIn, suspendLicenseIn, suspendLicenseInput } from '@/lib/licensing/license-admin';
import { afterRevocationChange } from '@/lib/licensing/revocation-list';
import { rollBackWith, transactionResult } from '@/lib/licensing/transaction-result';

/**
 * What the management API does with licenses (docs/API.md "Management API"), on top of the
 * same domain functions the admin pages call: the API's snake_case input, plans named by
 * id or by product and plan slug, and PATCH as a set of changes that are each audited.
 */

const isoTime = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 time such as 2027-01-31T00:00:00Z.' });

export const apiLicenseInput = z
  .object({
    plan_id: z.string().min(1).optional(),
    product: z.string().min(1).optional(),
    plan: z.string().min(1).optional(),
    customer_name: z.string().max(200).default(''),
    customer_email: z.string().max(320).default(''),
    expires_at: isoTime.nullable().default(null),
  })
  .strict()
  .refine((input) => input.plan_id !== undefined || (input.product !== undefined && input.plan !== undefined), {
    message: 'Name the plan: "plan_id", or "product" and "plan" (their slugs).',
  });
export type ApiLicenseInput = z.output<typeof apiLicenseInput>;

/** At most this many licenses in one bulk call: one transaction, all or nothing. */
const MAX_BULK_LICENSES = 100;
export const apiBulkLicenseInput = z.object({ licenses: z.array(apiLicenseInput).min(1, 'Send at least one license.').max(MAX_BULK_LICENSES, `Send at most ${MAX_BULK_LICENSES} licenses in one call.`) }).strict();

async function planIdOf(input: ApiLicenseInput, tx: Tx): Promise<Result<{ planId: string }>> {
  if (input.plan_id !== undefined) {
    return (await findPlanById(input.plan_id, tx)) ? { ok: true, planId: input.plan_id } : fail('ERR_NOT_FOUND', `There is no plan with the id "${input.plan_id}". GET /api/v1/products lists the plans.`);
  }
  const product = await findProductBySlug(input.product!, tx);
  if (!product) return fail('ERR_NOT_FOUND', `There is no product "${input.product}". GET /api/v1/products lists the products and their plans.`);
  const plan = await findPlanBySlug(product.id, input.plan!, tx);
  if (!plan) return fail('ERR_NOT_FOUND', `The product "${input.product}" has no plan "${input.plan}". GET /api/v1/products lists its plans.`);
  return { ok: true, planId: plan.id };
}

/**
 * Issues one license per input inside `tx` (the caller's, so an idempotency key and a
 * bulk call commit with it), each audited with the token as the actor.
 */
export async function issueLicensesFromApi(inputs: ApiLicenseInput[], actor: Actor, tx: Tx, now = new Date()): Promise<Result<{ licenses: IssuedLicense[] }>> {
  const issued: IssuedLicense[] = [];
  for (const [index, input] of inputs.entries()) {
    const where = inputs.length > 1 ? `licenses.${index}: ` : '';
    const plan = await planIdOf(input, tx);
    if (!plan.ok) return { ...plan, message: `${where}${plan.message}` };
    const result = await issueLicenses(
      { planId: plan.planId, count: 1, customerName: input.customer_name, customerEmail: input.customer_email, expiresAt: input.expires_at ? new Date(input.expires_at) : null },
      actor,
      now,
      tx,
    );
    if (!result.ok) return withFields(result, where);
    issued.push(...result.licenses);
  }
  return { ok: true, licenses: issued };
}

export const apiLicensePatch = z
  .object({
    status: z.enum(LICENSE_STATUSES).optional(),
    suspended_reason: z.string().optional(),
    expires_at: isoTime.nullable().optional(),
    customer_name: z.string().max(200).optional(),
    customer_email: z.string().max(320).optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Send at least one field to change: status, expires_at, customer_name or customer_email.' })
  .refine((patch) => patch.status !== 'suspended' || (patch.suspended_reason ?? '').trim().length > 0, {
    message: 'Suspending needs "suspended_reason": the customer sees it.',
    path: ['suspended_reason'],
  });
export type ApiLicensePatch = z.output<typeof apiLicensePatch>;

/**
 * Applies a PATCH in one transaction: each field that differs from the license is one
 * change, made and audited by the domain function the admin pages use (status, expiry,
 * customer, in that order); a field that already has the asked value changes nothing, so a
 * retried PATCH is harmless. The first refusal undoes the changes before it and is the answer.
 */
export async function patchLicense(licenseId: string, patch: ApiLicensePatch, actor: Actor, now = new Date()): Promise<Result<{ license: LicenseWithPlan }>> {
  const suspension = patch.status === 'suspended' ? suspendLicenseInput.safeParse({ licenseId, reason: patch.suspended_reason }) : undefined;
  if (suspension && !suspension.success) return withFields(fail('ERR_VALIDATION', 'Check the body.', fieldErrorsOf(suspension.error)), '');
  return afterRevocationChange(
    transactionResult(async (tx): Promise<Result<{ license: LicenseWithPlan }>> => {
      const found = await findLicenseById(licenseId, tx);
      if (!found) return notFound(licenseId);
      const { license } = found;
      const steps: Array<() => Promise<Result<{ licenseId: string }>>> = [];
      if (suspension?.success && license.status !== 'suspended') steps.push(() => suspendLicenseIn(tx, suspension.data, actor, now));
      if (patch.status === 'active' && license.status !== 'active') steps.push(() => reinstateLicenseIn(tx, licenseId, actor, now));
      if (patch.expires_at !== undefined) {
        const to = patch.expires_at === null ? null : new Date(patch.expires_at);
        if ((to?.getTime() ?? null) !== (license.expiresAt?.getTime() ?? null)) steps.push(() => changeLicenseExpiryIn(tx, { licenseId, expiresAt: to }, actor, now));
      }
      if (patch.customer_name !== undefined || patch.customer_email !== undefined) {
        const customer = changeCustomerInput.safeParse({ licenseId, customerName: patch.customer_name ?? license.customerName, customerEmail: patch.customer_email ?? license.customerEmail });
        if (!customer.success) return withFields(fail('ERR_VALIDATION', 'Check the body.', fieldErrorsOf(customer.error)), '');
        if (customer.data.customerName !== license.customerName || customer.data.customerEmail !== license.customerEmail) {
          steps.push(() => changeLicenseCustomerIn(tx, customer.data, actor, now));
        }
      }
      for (const step of steps) {
        const result = await step();
        if (!result.ok) rollBackWith(withFields(result, ''));
      }
      const after = await findLicenseById(licenseId, tx);
      return after ? { ok: true, license: after } : notFound(licenseId);
    }),
  );
}

function notFound(licenseId: string): Failure<'ERR_LICENSE_NOT_FOUND'> {
  return fail('ERR_LICENSE_NOT_FOUND', `There is no license with the id "${licenseId}".`);
}

const SNAKE: Record<string, string> = { customerName: 'customer_name', customerEmail: 'customer_email', expiresAt: 'expires_at', planId: 'plan_id', reason: 'suspended_reason' };

/** A domain failure with its field errors spelled out in the API's snake_case words. */
export function withFields(failure: Failure, where: string): Failure {
  const fields = Object.entries(failure.fieldErrors ?? {}).map(([field, messages]) => `${where}${SNAKE[field] ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}: ${messages.join(' ')}`);
  return fail(failure.code, fields.length > 0 ? `Check the body: ${fields.join('; ')}.` : `${where}${failure.message}`);
}
