import 'server-only';
import { afterRevocationChange } from '@/lib/licensing/revocation-list';
import { z } from 'zod';
import { writeTransaction, type Tx } from '@/db/client';
import { findLicenseById, updateLicense } from '@/db/queries/licenses';
import type { Actor } from '@/lib/core/actor';
import { audit } from '@/db/queries/audit';
import { raiseRevocationSequence } from '@/db/queries/blocked-devices';
import { fieldErrorsOf } from '@/lib/core/result';
import { fail, type Result } from '@/lib/core/result';
import { emitWebhookEvent } from '@/lib/webhooks/outbox';

export const suspendLicenseInput = z.object({
  licenseId: z.string().min(1),
  reason: z.string().trim().min(3, 'Say why, in a few words: the customer sees this reason.').max(500, 'Keep the reason under 500 characters.'),
});

export const changeExpiryInput = z.object({
  licenseId: z.string().min(1),
  /** null: the license never expires. */
  expiresAt: z.date({ error: 'Choose a valid date.' }).nullable(),
});

export const changeCustomerInput = z.object({
  licenseId: z.string().min(1),
  customerName: z.string().trim().max(200, 'Use at most 200 characters.'),
  // Trim before checking: a pasted address often carries a space.
  customerEmail: z.string().trim().toLowerCase().pipe(z.union([z.literal(''), z.email('Enter a valid email address, or leave it empty.')])),
});

type LicenseChange = Result<{ licenseId: string }>;

/**
 * Suspends a license: the portal refuses new activations and refreshes until it is
 * reinstated. Files already issued keep working offline until their lease ends.
 */
export async function suspendLicense(input: z.input<typeof suspendLicenseInput>, actor: Actor, now = new Date()): Promise<LicenseChange> {
  const parsed = suspendLicenseInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Check the highlighted fields.', fieldErrorsOf(parsed.error));
  return afterRevocationChange(writeTransaction((tx) => suspendLicenseIn(tx, parsed.data, actor, now)));
}

/** {@link suspendLicense} inside `tx`, its input already checked (the API's PATCH makes several changes in one transaction). */
export async function suspendLicenseIn(tx: Tx, { licenseId, reason }: z.output<typeof suspendLicenseInput>, actor: Actor, now: Date): Promise<LicenseChange> {
  const found = await findLicenseById(licenseId, tx);
  if (!found) return fail('ERR_LICENSE_NOT_FOUND', 'That license does not exist. Reload the page.');
  if (found.license.status === 'suspended') return fail('ERR_CONFLICT', 'This license is suspended already.');
  await updateLicense(licenseId, { status: 'suspended', suspendedReason: reason }, tx);
  // The revocation list now names the license (issue 11): a new sequence makes that list newer.
  await raiseRevocationSequence(now, tx);
  await audit(tx, actor, 'license.suspend', { type: 'license', id: licenseId, licenseId }, { reason }, now);
  await emitWebhookEvent(tx, 'license.suspended', licenseId, { license_id: licenseId, product: found.product.slug, reason }, now);
  return { ok: true as const, licenseId };
}

/** Lifts a suspension: activations and refreshes work again. */
export async function reinstateLicense(licenseId: string, actor: Actor, now = new Date()): Promise<LicenseChange> {
  return afterRevocationChange(writeTransaction((tx) => reinstateLicenseIn(tx, licenseId, actor, now)));
}

/** {@link reinstateLicense} inside `tx`. */
export async function reinstateLicenseIn(tx: Tx, licenseId: string, actor: Actor, now: Date): Promise<LicenseChange> {
  const found = await findLicenseById(licenseId, tx);
  if (!found) return fail('ERR_LICENSE_NOT_FOUND', 'That license does not exist. Reload the page.');
  if (found.license.status === 'active') return fail('ERR_CONFLICT', 'This license is not suspended.');
  await updateLicense(licenseId, { status: 'active', suspendedReason: null }, tx);
  await raiseRevocationSequence(now, tx);
  await audit(tx, actor, 'license.reinstate', { type: 'license', id: licenseId, licenseId }, { wasSuspendedFor: found.license.suspendedReason }, now);
  await emitWebhookEvent(tx, 'license.reinstated', licenseId, { license_id: licenseId, product: found.product.slug }, now);
  return { ok: true as const, licenseId };
}

/**
 * Sets a new expiry (or none). Leases already signed keep their end; files issued
 * from now on are capped by the new expiry (DESIGN.md "Lease end").
 */
export async function changeLicenseExpiry(input: z.input<typeof changeExpiryInput>, actor: Actor, now = new Date()): Promise<LicenseChange> {
  const parsed = changeExpiryInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Check the highlighted fields.', fieldErrorsOf(parsed.error));
  const { expiresAt } = parsed.data;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) return pastExpiry();
  return writeTransaction((tx) => changeLicenseExpiryIn(tx, parsed.data, actor, now));
}

function pastExpiry() {
  return fail('ERR_VALIDATION', 'The new expiry must be in the future.', { expiresAt: ['Choose a date in the future, or clear it for no expiry.'] });
}

/** {@link changeLicenseExpiry} inside `tx`, its input already checked; a past expiry is refused here too. */
export async function changeLicenseExpiryIn(tx: Tx, { licenseId, expiresAt }: z.output<typeof changeExpiryInput>, actor: Actor, now: Date): Promise<LicenseChange> {
  if (expiresAt && expiresAt.getTime() <= now.getTime()) return pastExpiry();
  const found = await findLicenseById(licenseId, tx);
  if (!found) return fail('ERR_LICENSE_NOT_FOUND', 'That license does not exist. Reload the page.');
  const from = found.license.expiresAt;
  if ((from?.getTime() ?? null) === (expiresAt?.getTime() ?? null)) return fail('ERR_CONFLICT', 'The license already has this expiry.');
  await updateLicense(licenseId, { expiresAt }, tx);
  await audit(
    tx,
    actor,
    'license.change_expiry',
    { type: 'license', id: licenseId, licenseId },
    { from: from?.toISOString() ?? null, to: expiresAt?.toISOString() ?? null },
    now,
  );
  await emitWebhookEvent(tx, 'license.updated', licenseId, { license_id: licenseId, product: found.product.slug, changed: { expires_at: { from: from?.toISOString() ?? null, to: expiresAt?.toISOString() ?? null } } }, now);
  return { ok: true as const, licenseId };
}

/**
 * Changes who the license is for (name and email), as the web shop or CRM knows them, inside
 * `tx` (the API's PATCH), its input already checked. Audited with both values.
 */
export async function changeLicenseCustomerIn(tx: Tx, { licenseId, customerName, customerEmail }: z.output<typeof changeCustomerInput>, actor: Actor, now: Date): Promise<LicenseChange> {
  const found = await findLicenseById(licenseId, tx);
  if (!found) return fail('ERR_LICENSE_NOT_FOUND', 'That license does not exist. Reload the page.');
  const { customerName: fromName, customerEmail: fromEmail } = found.license;
  if (fromName === customerName && fromEmail === customerEmail) return fail('ERR_CONFLICT', 'The license already has this customer.');
  await updateLicense(licenseId, { customerName, customerEmail }, tx);
  await audit(
    tx,
    actor,
    'license.change_customer',
    { type: 'license', id: licenseId, licenseId },
    { from: { name: fromName, email: fromEmail }, to: { name: customerName, email: customerEmail } },
    now,
  );
  await emitWebhookEvent(tx, 'license.updated', licenseId, { license_id: licenseId, product: found.product.slug, changed: { customer: { from: { name: fromName, email: fromEmail }, to: { name: customerName, email: customerEmail } } } }, now);
  return { ok: true as const, licenseId };
}
