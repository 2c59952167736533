/**
 * Test fixtures for lib/licensing and the e2e suite (not shipped logic): real licenses
 * in the real database, and machines that make real artifacts with lib/protocol.
 */
import 'server-only';
import crypto from 'node:crypto';
import { dialect } from '@/db/dialect';
import { ensureInstanceKeys, publicJwks } from '@/lib/instance/keys';
import { SYSTEM_ACTOR } from '@/lib/core/actor';
import { createPlan, createProduct } from '@/lib/licensing/catalog';
import { DAY } from '@/lib/licensing/durations';
import { issueLicenses } from '@/lib/licensing/issue-licenses';
import { createActivationRequest, createDeactivation, generateDeviceKeyPair, type JWK, type KeyPairJwk, type UsageCounters } from '@/lib/protocol';

export interface TestLicenseOptions {
  seats?: number;
  ttlSeconds?: number;
  graceSeconds?: number;
  maxRequestedDurationSeconds?: number | null;
  expiresAt?: Date | null;
  reclaimLapsedSeats?: boolean;
  encryptLicenseFiles?: boolean;
  /** Reuse a product instead of creating one. */
  product?: { id: string; slug: string };
  /** Slug of the product to create (default: a random one). */
  productSlug?: string;
  customerName?: string;
  customerEmail?: string;
  /** When the license is issued (default: now). */
  now?: Date;
}

export interface TestLicense {
  key: string;
  licenseId: string;
  planId: string;
  product: { id: string; slug: string };
  productId: string;
  productSlug: string;
}

const suffix = () => crypto.randomBytes(4).toString('hex');

function unwrap<T extends object>(result: ({ ok: true } & T) | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result;
}

/**
 * An instant as the database gives it back: SQLite keeps whole seconds, PostgreSQL
 * milliseconds (db/schema.ts). For asserting a stored time exactly on either engine.
 */
export function storedTime(at: Date): Date {
  return dialect === 'pg' ? new Date(at.getTime()) : new Date(Math.floor(at.getTime() / 1000) * 1000);
}

/** Creates the instance keys once, as the first start does. */
export async function setUpInstance(): Promise<void> {
  await ensureInstanceKeys();
}

/**
 * A license on a fresh plan (and product), with the limits a test needs, made through
 * the real domain code. Unit tests and the e2e suite (on the server's database) share it.
 */
export async function createTestLicense(options: TestLicenseOptions = {}): Promise<TestLicense> {
  const product =
    options.product ?? unwrap(await createProduct({ slug: options.productSlug ?? `test-app-${suffix()}`, name: 'Test App' }, SYSTEM_ACTOR)).product;
  const { plan } = unwrap(
    await createPlan(
      {
        productId: product.id,
        slug: `plan-${suffix()}`,
        name: 'Test plan',
        offlineTtlSeconds: options.ttlSeconds ?? 30 * DAY,
        graceSeconds: options.graceSeconds ?? 7 * DAY,
        seatLimit: options.seats ?? 2,
        maxRequestedDurationSeconds: options.maxRequestedDurationSeconds ?? null,
        features: ['export'],
        encryptLicenseFiles: options.encryptLicenseFiles ?? true,
        reclaimLapsedSeats: options.reclaimLapsedSeats ?? true,
      },
      SYSTEM_ACTOR,
    ),
  );
  const { licenses } = unwrap(
    await issueLicenses(
      {
        planId: plan.id,
        customerName: options.customerName ?? 'Test customer',
        customerEmail: options.customerEmail ?? '',
        expiresAt: options.expiresAt ?? null,
      },
      SYSTEM_ACTOR,
      options.now,
    ),
  );
  const { id, slug } = product;
  return { key: licenses[0]!.key, licenseId: licenses[0]!.id, planId: plan.id, product: { id, slug }, productId: id, productSlug: slug };
}

async function portalEncryptionJwk(): Promise<JWK> {
  const key = (await publicJwks()).keys.find((k) => k.use === 'enc');
  if (!key) throw new Error('No portal encryption key: call setUpInstance() first');
  return key;
}

/** A machine with its own device key and fingerprint, as the SDK would make one. */
export interface TestMachine {
  hostname: string;
  fingerprint: string;
  device: KeyPairJwk;
  request(license: { key: string; product: { slug: string } }, options?: { requestedDuration?: number; iat?: number; product?: string; seatId?: string }): Promise<string>;
  deactivation(seatId: string, usage?: UsageCounters): Promise<string>;
}

/** A new machine; pass `fingerprint` (and a new `device`) to model the same machine after a reinstall. */
export async function makeMachine(hostname = `host-${suffix()}`, options: { device?: KeyPairJwk; fingerprint?: string } = {}): Promise<TestMachine> {
  const key = options.device ?? (await generateDeviceKeyPair());
  const fingerprint = options.fingerprint ?? crypto.createHash('sha256').update(`${hostname}/${suffix()}`).digest('hex');
  return {
    hostname,
    fingerprint,
    device: key,
    request: async (license, options = {}) =>
      createActivationRequest({
        claims: {
          license_key: license.key,
          fingerprint,
          product: options.product ?? license.product.slug,
          ...(options.iat !== undefined ? { iat: options.iat } : {}),
          ...(options.requestedDuration !== undefined ? { requested_duration: options.requestedDuration } : {}),
          ...(options.seatId ? { seat_id: options.seatId } : {}),
          device: { hostname, os: 'Linux 6.8', app_version: '1.0.0' },
        },
        device: key,
        portalEncryptionJwk: await portalEncryptionJwk(),
      }),
    deactivation: async (seatId, usage) =>
      createDeactivation({
        claims: { seat_id: seatId, fingerprint, ...(usage ? { usage } : {}) },
        device: key,
        portalEncryptionJwk: await portalEncryptionJwk(),
      }),
  };
}
