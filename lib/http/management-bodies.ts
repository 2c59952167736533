/**
 * The JSON the management API answers with (docs/API.md "Management API"): snake_case,
 * times as ISO 8601, one function per answer.
 */
import type { LicenseWithPlan } from '@/db/queries/licenses';
import type { AuditEvent, Plan, Product } from '@/db/schema';
import type { LicenseFeedCursor } from '@/db/queries/license-feed';
import { maskLicenseKey } from '@/lib/licensing/license-key';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function planBody(plan: Plan) {
  return {
    id: plan.id,
    slug: plan.slug,
    name: plan.name,
    offline_ttl_seconds: plan.offlineTtlSeconds,
    grace_seconds: plan.graceSeconds,
    seat_limit: plan.seatLimit,
    max_requested_duration_seconds: plan.maxRequestedDurationSeconds,
    features: plan.features,
    encrypt_license_files: plan.encryptLicenseFiles,
    reclaim_lapsed_seats: plan.reclaimLapsedSeats,
    archived: plan.archivedAt !== null,
  };
}

export function productBody(product: Product, plans: Plan[]) {
  return { id: product.id, slug: product.slug, name: product.name, description: product.description, plans: plans.map(planBody) };
}

export function managedLicenseBody({ license, plan, product }: LicenseWithPlan) {
  return {
    id: license.id,
    masked_key: maskLicenseKey(license.keyPrefix, license.keySuffix),
    status: license.status,
    suspended_reason: license.suspendedReason,
    customer_name: license.customerName,
    customer_email: license.customerEmail,
    expires_at: iso(license.expiresAt),
    product: { id: product.id, slug: product.slug, name: product.name },
    plan: { id: plan.id, slug: plan.slug, name: plan.name },
    seats_used: license.seatsActive,
    seat_limit: plan.seatLimit,
    created_at: iso(license.createdAt),
    updated_at: iso(license.updatedAt),
  };
}

export function auditEventBody(event: AuditEvent) {
  return {
    id: event.id,
    at: iso(event.at),
    actor: { type: event.actorType, label: event.actorLabel },
    action: event.action,
    target: { type: event.targetType, id: event.targetId },
    license_id: event.licenseId,
    details: event.details,
    ip: event.ip,
  };
}

/** An opaque cursor: the sort position of the last item of a page. */
export function encodeCursor(cursor: LicenseFeedCursor): string {
  return Buffer.from(`${cursor.at.getTime()}.${cursor.id}`).toString('base64url');
}

export function decodeCursor(text: string): LicenseFeedCursor | undefined {
  const match = /^(\d{1,15})\.([\w-]{1,64})$/.exec(Buffer.from(text, 'base64url').toString());
  return match ? { at: new Date(Number(match[1])), id: match[2]! } : undefined;
}
