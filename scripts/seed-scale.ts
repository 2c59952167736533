/**
 * `npm run seed:scale -- --licenses 1000000`: fills the configured database (the data
 * directory's SQLite file, or DATABASE_URL) with a large, realistic catalogue through
 * db/: licenses for many customers with 5 seats on average, a few licenses with 20,000
 * seats, seats activated over the past year (some deactivated or released since), and
 * the daily counters that match them. Writes `scale-sample.json` (keys, names, hostnames
 * to search for) into the data directory for `npm run bench:scale`.
 *
 * Options: --licenses N (default 100000), --big N (licenses with 20,000 seats, default
 * max(1, N / 100000)), --seed S (repeatable data).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { closeDb, migrateDatabase, writeTransaction } from '@/db/client';
import { utcDay } from '@/db/dialect';
import { addSeatCounts, analyzeTables, insertLicensesInBulk, insertSeatsInBulk } from '@/db/queries/bulk-load';
import type { NewLicense, NewSeat } from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/core/actor';
import { sealSecret } from '@/lib/instance/master-key';
import { ensureInstanceKeys } from '@/lib/instance/keys';
import { createPlan, createProduct } from '@/lib/licensing/catalog';
import { DAY } from '@/lib/licensing/durations';
import { LICENSE_KEY_CONTEXT } from '@/lib/licensing/issue-licenses';
import { generateLicenseKey, hashLicenseKey, licenseKeyParts } from '@/lib/licensing/license-key';
import { scaleSampleFile, type ScaleSample } from './scale-sample';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const LICENSES = option('licenses', 100_000);
const BIG = option('big', Math.max(1, Math.floor(LICENSES / 100_000)));
const BIG_SEATS = 20_000;
const BATCH = 2_000; // licenses per transaction

// A small deterministic generator, so two runs with one --seed give the same catalogue.
let state = option('seed', 42) >>> 0 || 42;
function random(): number {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const hex = (bytes: number) => Array.from({ length: bytes }, () => Math.floor(random() * 256).toString(16).padStart(2, '0')).join('');
const b64 = (bytes: number) => Buffer.from(hex(bytes), 'hex').toString('base64url');

const FIRST = ['Ada', 'Ben', 'Chloe', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Liam', 'Mara', 'Nils', 'Olga', 'Priya', 'Quinn', 'Rafael', 'Sofia', 'Tariq', 'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zoe'];
const LAST = ['Oduya', 'Larsen', 'Moreau', 'Tanaka', 'Novak', 'Haddad', 'Kowalski', 'Okafor', 'Silva', 'Jensen', 'Ivanova', 'Brennan', 'Castillo', 'Dubois', 'Esposito', 'Fischer', 'Gupta', 'Horvat', 'Ito', 'Kim'];
const COMPANY = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Wingtip', 'Litware', 'Adatum', 'Proseware', 'Lucerne', 'Woodgrove', 'Fourth Coffee', 'Margie', 'Alpine', 'Coho', 'Trey Research'];
const HOSTS = ['build-box', 'laptop', 'ws-eng', 'lab-scanner', 'render-node', 'DESKTOP', 'cad-station', 'line-plc', 'kiosk', 'mbp'];
const OSES = ['Windows 11', 'macOS 15', 'Ubuntu 24.04', 'Debian 12', 'Windows 10'];

function seatCountOf(): number {
  // 1-9 seats, 5 on average.
  return 1 + Math.floor(random() * 9);
}

async function main() {
  const started = Date.now();
  await migrateDatabase();
  await ensureInstanceKeys();
  const run = crypto.randomBytes(3).toString('hex');
  const { product } = unwrap(await createProduct({ slug: `scale-${run}`, name: `Scale Studio ${run}`, description: 'Seeded by npm run seed:scale' }, SYSTEM_ACTOR));
  const plans = [];
  for (const [slug, seatLimit] of [['solo', 9], ['team', 25], ['site', BIG_SEATS]] as const) {
    const { plan } = unwrap(
      await createPlan({ productId: product.id, slug, name: slug[0]!.toUpperCase() + slug.slice(1), offlineTtlSeconds: 30 * DAY, graceSeconds: 7 * DAY, seatLimit, maxRequestedDurationSeconds: null, features: [], encryptLicenseFiles: true, reclaimLapsedSeats: true }, SYSTEM_ACTOR),
    );
    plans.push(plan);
  }
  const now = Date.now();
  const yearAgo = now - 365 * DAY * 1000;
  const days = new Map<string, { activated: number; deactivated: number; released: number }>();
  const countDay = (at: Date, change: 'activated' | 'deactivated' | 'released') => {
    const day = utcDay(at);
    const entry = days.get(day) ?? { activated: 0, deactivated: 0, released: 0 };
    entry[change] += 1;
    days.set(day, entry);
  };
  const sample: ScaleSample = { keys: [], keyGroups: [], customerNames: [], customerEmails: [], hostnames: [], fingerprintPrefixes: [], bigLicenseKeys: [], licenses: 0, seats: 0 };
  const bigAt = new Set(Array.from({ length: BIG }, (_, i) => Math.floor(((i + 0.5) * LICENSES) / BIG)));

  for (let from = 0; from < LICENSES; from += BATCH) {
    const licenseRows: Required<NewLicense>[] = [];
    const seatRows: Required<NewSeat>[] = [];
    const count = Math.min(BATCH, LICENSES - from);
    const keys = Array.from({ length: count }, () => generateLicenseKey());
    const sealed = await Promise.all(keys.map((key) => sealSecret(key, LICENSE_KEY_CONTEXT)));
    for (let i = 0; i < count; i++) {
      const n = from + i;
      const big = bigAt.has(n);
      const key = keys[i]!;
      const first = pick(FIRST);
      const last = pick(LAST);
      const company = pick(COMPANY);
      // About 200 licenses per company name, a handful per person.
      const customer = Math.floor(random() * Math.max(1, LICENSES / 5));
      const customerName = `${first} ${last} (${company} ${customer})`;
      const customerEmail = `${first}.${last}.${customer}@${company.toLowerCase().replace(/\s+/g, '')}.example`.toLowerCase();
      const createdAt = new Date(yearAgo + Math.floor(((n + random()) / LICENSES) * (now - yearAgo - DAY * 1000)));
      const id = crypto.randomUUID();
      const { prefix, suffix } = licenseKeyParts(key);
      const seatTotal = big ? BIG_SEATS : seatCountOf();
      let active = 0;
      for (let s = 0; s < seatTotal; s++) {
        const activatedAt = new Date(createdAt.getTime() + Math.floor(random() * (now - createdAt.getTime())));
        const roll = random();
        const status = big || roll < 0.7 ? 'active' : roll < 0.9 ? 'deactivated' : 'released';
        const lastIssuedAt = new Date(activatedAt.getTime() + Math.floor(random() * (now - activatedAt.getTime())));
        const leaseEndsAt = new Date(lastIssuedAt.getTime() + 30 * DAY * 1000);
        const releasedAt = status === 'active' ? null : new Date(lastIssuedAt.getTime() + Math.floor(random() * (now - lastIssuedAt.getTime())));
        const hostname = `${pick(HOSTS)}-${(n * 10 + s).toString(36)}`;
        const fingerprint = hex(32);
        seatRows.push({
          id: crypto.randomUUID(),
          licenseId: id,
          fingerprint,
          devicePublicJwk: { kty: 'OKP', crv: 'Ed25519', x: b64(32) },
          deviceThumbprint: b64(32),
          hostname,
          os: pick(OSES),
          appVersion: `3.${Math.floor(random() * 9)}.${Math.floor(random() * 20)}`,
          status,
          activatedAt,
          lastIssuedAt,
          leaseEndsAt,
          graceEndsAt: new Date(leaseEndsAt.getTime() + 7 * DAY * 1000),
          releasedAt,
          releaseReason: status === 'released' ? 'machine replaced' : status === 'deactivated' ? 'deactivated by the device' : null,
          releasedBy: status === 'released' ? 'support@example.com' : status === 'deactivated' ? 'end user via portal' : null,
        });
        countDay(activatedAt, 'activated');
        if (releasedAt) countDay(releasedAt, status === 'deactivated' ? 'deactivated' : 'released');
        if (status === 'active') active += 1;
        if (n % 997 === 0 && s === 0) {
          sample.hostnames.push(hostname);
          sample.fingerprintPrefixes.push(fingerprint.slice(0, 12));
        }
      }
      licenseRows.push({
        id,
        planId: big ? plans[2]!.id : random() < 0.8 ? plans[0]!.id : plans[1]!.id,
        keyHash: hashLicenseKey(key),
        keyEncrypted: sealed[i]!,
        keyPrefix: prefix,
        keySuffix: suffix,
        customerName,
        customerEmail,
        status: random() < 0.03 ? 'suspended' : 'active',
        suspendedReason: null,
        expiresAt: random() < 0.3 ? new Date(now + Math.floor(random() * 365 * DAY * 1000)) : null,
        createdBy: 'seed:scale',
        seatsActive: active,
        createdAt,
        updatedAt: createdAt,
      });
      if (n % 997 === 0) {
        sample.keys.push(key);
        sample.keyGroups.push(suffix);
        sample.customerNames.push(`${last} (${company} ${customer})`);
        sample.customerEmails.push(customerEmail);
      }
      if (big) sample.bigLicenseKeys.push(key);
      sample.seats += seatTotal;
    }
    await writeTransaction(async (tx) => {
      await insertLicensesInBulk(licenseRows, tx);
      await insertSeatsInBulk(seatRows, tx);
    });
    sample.licenses += count;
    if ((from / BATCH) % 25 === 0 || from + BATCH >= LICENSES) {
      const seconds = (Date.now() - started) / 1000;
      console.log(`${sample.licenses.toLocaleString('en')} licenses, ${sample.seats.toLocaleString('en')} seats (${seconds.toFixed(0)} s)`);
    }
  }
  await writeTransaction((tx) => addSeatCounts([...days].map(([day, counts]) => ({ day, ...counts })), tx));
  // Fresh statistics, so each engine's planner picks the indexes for the new data at once.
  await writeTransaction((tx) => analyzeTables(tx));
  const file = scaleSampleFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(sample, null, 2)}\n`);
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${sample.licenses.toLocaleString('en')} licenses and ${sample.seats.toLocaleString('en')} seats. Samples for npm run bench:scale in ${file}.`);
  await closeDb();
}

function unwrap<T extends object>(result: ({ ok: true } & T) | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result;
}

await main();
