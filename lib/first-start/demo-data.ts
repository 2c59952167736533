import 'server-only';
import { writeTransaction, type Tx } from '@/db/client';
import { findSetting, insertSetting, lockFirstStart } from '@/db/queries/instance';
import { findLicenseById } from '@/db/queries/licenses';
import { unsealSecret } from '@/lib/instance/master-key';
import { SYSTEM_ACTOR } from '@/lib/core/actor';
import { createPlan, createProduct } from '@/lib/licensing/catalog';
import { DAY } from '@/lib/licensing/durations';
import { issueLicenses, LICENSE_KEY_CONTEXT } from '@/lib/licensing/issue-licenses';

const DEMO_SETTING = 'demo_license_ids';

/** The demo product's plans, modelled on common licensing tiers (issue 2). */
const DEMO_PLANS = [
  { slug: 'consumer', name: 'Consumer', ttlDays: 30, graceDays: 7, seats: 2, features: ['export-pdf'] },
  { slug: 'professional', name: 'Professional', ttlDays: 45, graceDays: 30, seats: 2, features: ['export-pdf', 'batch-render'] },
  { slug: 'enterprise', name: 'Enterprise', ttlDays: 365, graceDays: 30, seats: 10, features: ['export-pdf', 'batch-render', 'sso'] },
] as const;

const DEMO_PRODUCT = { slug: 'acme-studio', name: 'Acme Studio', description: 'Demo product created on first start.' };

export interface DemoLicense {
  plan: string;
  key: string;
  seats: number;
}

function unwrap<T extends object>(result: { ok: true } & T | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(`Demo data could not be created: ${result.message}`);
  return result;
}

/**
 * Creates the demo product, its plans and one license per plan; once per database, in
 * one transaction (each step is handed the transaction), so a start that fails half-way
 * leaves no half of a demo behind.
 */
export async function createDemoData(): Promise<void> {
  await writeTransaction(async (tx) => {
    await lockFirstStart(tx);
    if (await findSetting(DEMO_SETTING, tx)) return;
    await createDemoRows(tx);
  });
}

async function createDemoRows(tx: Tx): Promise<void> {
  const { product } = unwrap(await createProduct(DEMO_PRODUCT, SYSTEM_ACTOR, tx));
  const ids: string[] = [];
  for (const spec of DEMO_PLANS) {
    const { plan } = unwrap(
      await createPlan(
        {
          productId: product.id,
          slug: spec.slug,
          name: spec.name,
          offlineTtlSeconds: spec.ttlDays * DAY,
          graceSeconds: spec.graceDays * DAY,
          seatLimit: spec.seats,
          maxRequestedDurationSeconds: spec.ttlDays * DAY,
          features: [...spec.features],
        },
        SYSTEM_ACTOR,
        tx,
      ),
    );
    const { licenses } = unwrap(
      await issueLicenses({ planId: plan.id, customerName: `Demo ${spec.name} customer`, customerEmail: `demo-${spec.slug}@example.com` }, SYSTEM_ACTOR, new Date(), tx),
    );
    ids.push(licenses[0]!.id);
  }
  await insertSetting(DEMO_SETTING, JSON.stringify(ids), tx);
}

/** The demo licenses with their keys, for the start-up banner. */
export async function listDemoLicenses(): Promise<DemoLicense[]> {
  const ids = JSON.parse((await findSetting(DEMO_SETTING)) ?? '[]') as string[];
  const demos = await Promise.all(
    ids.map(async (id): Promise<DemoLicense | undefined> => {
      const found = await findLicenseById(id);
      if (!found) return undefined;
      return { plan: found.plan.name, key: await unsealSecret(found.license.keyEncrypted, LICENSE_KEY_CONTEXT), seats: found.plan.seatLimit };
    }),
  );
  return demos.filter((demo): demo is DemoLicense => demo !== undefined);
}
