import 'server-only';
import crypto from 'node:crypto';
import type { Tx } from '@/db/client';
import { lockLicenseByKeyHash, type LicenseWithPlan } from '@/db/queries/licenses';
import { claimNonce, findUsedNonce } from '@/db/queries/nonces';
import { endActiveSeat, findActiveSeatByDeviceThumbprint, findActiveSeatByFingerprint, findOldestLapsedSeat, findSeatById, insertActiveSeat, updateSeatLease } from '@/db/queries/seats';
import { insertFingerprintHistory } from '@/db/queries/seat-fingerprint-history';
import type { Seat } from '@/db/schema';
import { requestDecryptionKeys } from '@/lib/instance/keys';
import type { Actor } from '@/lib/core/actor';
import { audit } from '@/db/queries/audit';
import { fail, type Failure, type Result } from '@/lib/core/result';
import { rollBackWith, transactionResult } from '@/lib/licensing/transaction-result';
import { prepareLicenseFile, recordLicenseFile, signDraft, type IssuedLicenseFile, type LicenseFileDraft } from '@/lib/licensing/issued-license-file';
import { leaseTerms, type LeaseTerms } from '@/lib/licensing/lease-terms';
import { hashLicenseKey } from '@/lib/licensing/license-key';
import { licenseUnusableFailure } from '@/lib/licensing/license-usable';
import { requestMaxAgeSeconds } from '@/lib/licensing/portal-config';
import { blockedDeviceFailure } from '@/lib/licensing/block-device';
import { seatNotRefreshableFailure } from '@/lib/licensing/refresh-seat';
import { failureFromProtocolError } from '@/lib/licensing/protocol-failure';
import { canonicalLicenseKey, openActivationRequest, type ActivationRequestClaims, type OpenedDeviceArtifact } from '@/lib/protocol';
import { emitWebhookEvent } from '@/lib/webhooks/outbox';

export interface ActivateInput {
  /** The uploaded activation request, armored text or its bytes. */
  requestText?: string | Uint8Array;
  /**
   * A request already opened and verified by its own reader instead of `requestText`:
   * an activation request code (lib/licensing/activation-codes.ts), which then meets the
   * same transaction, seat rules, nonce rule, audit row and errors as a file.
   */
  opened?: Opened;
  /** How the request arrived, for the audit row: 'activation request' (default) or 'activation code'. */
  via?: string;
  actor: Actor;
  now?: Date;
}

export interface Activation extends IssuedLicenseFile {
  /** True when this machine already held a seat: the seat was reused and its lease renewed. */
  refreshed: boolean;
  /** The lapsed seat this activation took over, when the license had no free seat. */
  reclaimedSeatId?: string;
}

export type Opened = OpenedDeviceArtifact<ActivationRequestClaims>;

/** The release reason of a lapsed seat another machine took over (DESIGN.md "Refresh ... not reused"). */
export const RECLAIMED_REASON = 'lease and grace ended; seat taken by another machine';

/**
 * Activates a machine from its activation request (DESIGN.md "The seat is consumed at
 * activation"): opens and verifies the request, then in one write transaction finds the
 * license, checks it, refuses a replayed nonce, and reuses this machine's seat, takes a
 * free one, reclaims a lapsed one (when the plan allows) or refuses. The file is signed
 * after the commit. A refusal writes nothing, so the same request works once a seat is free.
 *
 * @example
 * const result = await activate({ requestText, actor: endUserActor('portal', ip) });
 * if (result.ok) download(result.fileName, result.licenseFile);
 */
export async function activate({ requestText, opened: given, via = 'activation request', actor, now = new Date() }: ActivateInput): Promise<Result<Activation>> {
  let opened: Opened;
  try {
    opened = given ?? (await openActivationRequest(requestText ?? '', { decryptionKeys: await requestDecryptionKeys(), now, maxAgeSeconds: requestMaxAgeSeconds() }));
  } catch (error) {
    return failureFromProtocolError(error);
  }
  const prepared = await prepareLicenseFile();
  const keyHash = hashLicenseKey(opened.claims.license_key);
  const outcome = await transactionResult(async (tx) => {
    // Locked first: a second instance activating on this license waits here, then sees
    // this transaction's seat and nonce (READ COMMITTED reads what committed before it).
    const found = await lockLicenseByKeyHash(keyHash, tx);
    if (!found) return LICENSE_NOT_FOUND;
    const refusal = licenseUnusableFailure(found, now) ?? wrongProductFailure(found, opened.claims.product);
    if (refusal) return refusal;
    if (await findUsedNonce(opened.claims.jti, tx)) return REPLAYED;
    // A blocked device key or fingerprint is refused, with the refusal audited and nothing else written.
    const device = { deviceThumbprint: opened.deviceThumbprint, fingerprint: opened.claims.fingerprint, hostname: opened.claims.device?.hostname ?? '' };
    const blocked = await blockedDeviceFailure(tx, found, device, actor, 'activation request', now);
    if (blocked) return blocked;
    const terms = leaseTerms({ now, plan: found.plan, licenseExpiresAt: found.license.expiresAt, requestedDurationSeconds: opened.claims.requested_duration });
    const seated = await seatFor(tx, found, opened, terms, actor, now);
    if (!seated.ok) return seated;
    const { seat } = seated;
    // Written last, so a refusal above leaves no trace; the primary key settles a race.
    if (!(await claimNonce({ jti: opened.claims.jti, kind: 'request', seatId: seat.id, usedAt: now }, tx))) rollBackWith(REPLAYED);
    const kind = seated.refreshed ? 'refresh' : 'activation';
    const draft: LicenseFileDraft = await recordLicenseFile(tx, { prepared, kind, found, seat, terms, seatsUsed: seated.seatsUsed, actor });
    if (seated.reboundFrom) {
      await audit(tx, actor, 'seat.rebind', { type: 'seat', id: seat.id, licenseId: found.license.id }, { hostname: seat.hostname, oldFingerprint: seated.reboundFrom, newFingerprint: seat.fingerprint }, now);
    }
    await audit(
      tx,
      actor,
      seated.refreshed ? 'seat.refresh' : 'seat.activate',
      { type: 'seat', id: seat.id, licenseId: found.license.id },
      { hostname: seat.hostname, file: prepared.jti, leaseEndsAt: terms.leaseEndsAt.toISOString(), via, ...(seated.reclaimedSeatId ? { reclaimedSeatId: seated.reclaimedSeatId } : {}) },
      now,
    );
    const seatData = { seat_id: seat.id, license_id: found.license.id, product: found.product.slug, hostname: seat.hostname, lease_end: terms.leaseEndsAt.toISOString(), seats_used: seated.seatsUsed };
    await emitWebhookEvent(tx, seated.refreshed ? 'seat.refreshed' : 'seat.activated', found.license.id, seatData, now);
    return { ok: true as const, draft, refreshed: seated.refreshed, reclaimedSeatId: seated.reclaimedSeatId };
  });
  if (!outcome.ok) return outcome;
  const issued = await signDraft(outcome.draft, prepared, canonicalLicenseKey(opened.claims.license_key));
  return { ok: true, ...issued, refreshed: outcome.refreshed, ...(outcome.reclaimedSeatId ? { reclaimedSeatId: outcome.reclaimedSeatId } : {}) };
}

/** Also what an activation request code gets when no license has its key (lib/licensing/activation-codes.ts). */
export const LICENSE_NOT_FOUND = fail(
  'ERR_LICENSE_NOT_FOUND',
  'No license matches the license key in this request. Check the key you entered in the application, then create a new request.',
);

const REPLAYED = fail(
  'ERR_REQUEST_REPLAYED',
  'This activation request was already used. Create a new request in the application, or refresh this machine on the Refresh page.',
);

function wrongProductFailure({ product }: LicenseWithPlan, requested: string) {
  if (requested === product.slug) return null;
  return fail(
    'ERR_WRONG_PRODUCT',
    `This license key is for ${product.name}, but the request comes from another product ("${requested}"). Enter the license key of that product in the application, then create a new request.`,
  );
}

type Seated =
  | { ok: true; seat: Seat; refreshed: boolean; reclaimedSeatId?: string; reboundFrom?: string; seatsUsed: number }
  | Failure<'ERR_SEATS_EXHAUSTED' | 'ERR_SEAT_NOT_REFRESHABLE' | 'ERR_SEAT_NOT_FOUND'>;

/**
 * The seat rules, inside the activation transaction with the license locked; the seat
 * leaves with its new lease. The live-seat count is the locked row's, counted once.
 */
async function seatFor(tx: Tx, found: LicenseWithPlan, { claims, devicePublicJwk, deviceThumbprint }: Opened, terms: LeaseTerms, actor: Actor, now: Date): Promise<Seated> {
  const device = { hostname: claims.device?.hostname ?? '', os: claims.device?.os ?? '', appVersion: claims.device?.app_version ?? '' };
  const lease = { lastIssuedAt: terms.issuedAt, leaseEndsAt: terms.leaseEndsAt, graceEndsAt: terms.graceEndsAt };
  const held = found.license.seatsActive;
  // A refresh names its seat (claims.seat_id): that seat is renewed or the request is refused.
  const mine = (seat: Seat | undefined) => (seat && (!claims.seat_id || seat.id === claims.seat_id) ? seat : undefined);
  const existing = mine(await findActiveSeatByFingerprint(found.license.id, claims.fingerprint, tx));
  if (existing) {
    // Same machine again (DESIGN.md: idempotent, never a second seat). A reinstalled app
    // has a new device key: the seat follows it, so the new install can deactivate.
    const patch = { ...device, devicePublicJwk, deviceThumbprint, ...lease };
    await updateSeatLease(existing.id, patch, tx);
    return { ok: true, seat: { ...existing, ...patch }, refreshed: true, seatsUsed: held };
  }
  // Same installation (its device key signed the request) on new hardware: the seat follows
  // the new fingerprint, and the old one goes to the seat's history (issue 11, point 3).
  const moved = mine(await findActiveSeatByDeviceThumbprint(found.license.id, deviceThumbprint, tx));
  if (moved) {
    const patch = { ...device, fingerprint: claims.fingerprint, ...lease };
    await updateSeatLease(moved.id, patch, tx);
    await insertFingerprintHistory({ id: crypto.randomUUID(), seatId: moved.id, oldFingerprint: moved.fingerprint, newFingerprint: claims.fingerprint, reboundAt: now }, tx);
    return { ok: true, seat: { ...moved, ...patch }, refreshed: true, reboundFrom: moved.fingerprint, seatsUsed: held };
  }
  if (claims.seat_id) {
    const named = await findSeatById(claims.seat_id, tx);
    if (!named || named.licenseId !== found.license.id) return fail('ERR_SEAT_NOT_FOUND', 'This license has no seat for this machine any more. Activate the machine again with a new activation request.');
    return seatNotRefreshableFailure(named) ?? fail('ERR_SEAT_NOT_REFRESHABLE', 'This seat belongs to another machine, so it cannot be refreshed from here. Activate this machine with a new activation request.');
  }
  let reclaimedSeatId: string | undefined;
  const limit = found.plan.seatLimit;
  if (held >= limit) {
    const lapsed = found.plan.reclaimLapsedSeats ? await findOldestLapsedSeat(found.license.id, now, tx) : undefined;
    if (!lapsed) {
      const inUse = limit === 1 ? 'The only seat of this license is in use' : `All ${limit} seats of this license are in use`;
      return fail('ERR_SEATS_EXHAUSTED', `${inUse}. Deactivate the license on another machine, or ask support to release a lost one.`);
    }
    await endActiveSeat(lapsed.id, { status: 'released', releasedAt: now, releaseReason: RECLAIMED_REASON, releasedBy: actor.label }, tx);
    await audit(tx, actor, 'seat.reclaim', { type: 'seat', id: lapsed.id, licenseId: found.license.id }, { hostname: lapsed.hostname, graceEndedAt: lapsed.graceEndsAt.toISOString() }, now);
    await emitWebhookEvent(tx, 'seat.released', found.license.id, { seat_id: lapsed.id, license_id: found.license.id, product: found.product.slug, hostname: lapsed.hostname, reason: RECLAIMED_REASON }, now);
    reclaimedSeatId = lapsed.id;
  }
  const seat: Seat & { status: 'active' } = {
    id: crypto.randomUUID(),
    licenseId: found.license.id,
    fingerprint: claims.fingerprint,
    devicePublicJwk,
    deviceThumbprint,
    ...device,
    status: 'active',
    activatedAt: now,
    ...lease,
    releasedAt: null,
    releaseReason: null,
    releasedBy: null,
  };
  await insertActiveSeat(seat, tx);
  return { ok: true, seat, refreshed: false, reclaimedSeatId, seatsUsed: held + (reclaimedSeatId ? 0 : 1) };
}
