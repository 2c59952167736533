/**
 * `npm run bench:scale`: p50 and p99 of what staff and devices do, on the configured
 * database (the data directory's SQLite file, or DATABASE_URL) after
 * `npm run seed:scale`, through the same domain functions the pages and the API call.
 * Prints a Markdown table. Options: --runs N (per operation, default 60).
 */
import fs from 'node:fs';
import { closeDb, migrateDatabase } from '@/db/client';
import { dialect } from '@/db/dialect';
import { cursorOf, LICENSE_SORT_KEYS } from '@/db/queries/license-order';
import { findLicenseByKeyHash } from '@/db/queries/licenses';
import { endUserActor } from '@/lib/core/actor';
import { activate } from '@/lib/licensing/activate';
import { adminLicensesPage } from '@/lib/licensing/admin-license-views';
import { hashLicenseKey } from '@/lib/licensing/license-key';
import { viewLicenseByKey } from '@/lib/licensing/license-view';
import { criteriaOf, encodeCursor, searchLicensesForSupport } from '@/lib/licensing/search-licenses';
import { usageOverview } from '@/lib/licensing/usage-overview';
import { createTestLicense, makeMachine } from '@/lib/testing/licensing-fixtures';
import { scaleSampleFile, type ScaleSample } from './scale-sample';

const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 60;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const rows: { operation: string; p50: number; p99: number; runs: number; note: string }[] = [];

/** Times `run(i)` RUNS times after two warm-ups; `check` proves each answer is a real one. */
async function measure<T>(operation: string, run: (i: number) => Promise<T>, check: (answer: T) => boolean, note = ''): Promise<void> {
  // Every call gets its own index (warm-ups included): an activation request is used once.
  for (let i = 0; i < 2; i++) await run(RUNS + i);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const answer = await run(i);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (!check(answer)) throw new Error(`${operation}: run ${i} gave an unexpected answer: ${JSON.stringify(answer).slice(0, 300)}`);
  }
  times.sort((a, b) => a - b);
  rows.push({ operation, p50: percentile(times, 50), p99: percentile(times, 99), runs: RUNS, note });
  console.log(`${operation}: p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`);
}

async function main() {
  const file = scaleSampleFile();
  if (!fs.existsSync(file)) {
    console.error(`No ${file}: run npm run seed:scale first (with the same GATEPASS_DATA_DIR / DATABASE_URL).`);
    process.exit(1);
  }
  const sample = JSON.parse(fs.readFileSync(file, 'utf8')) as ScaleSample;
  await migrateDatabase();
  const at = <T>(list: T[], i: number) => list[i % list.length]!;
  const found = (page: { results: unknown[] }) => page.results.length > 0;

  await measure('support search: full key', (i) => searchLicensesForSupport(at(sample.keys, i)), (p) => p.results.length === 1);
  await measure('support search: one key group', (i) => searchLicensesForSupport(at(sample.keyGroups, i)), found);
  await measure('support search: customer name', (i) => searchLicensesForSupport(at(sample.customerNames, i)), found);
  await measure('support search: customer email', (i) => searchLicensesForSupport(at(sample.customerEmails, i)), found);
  await measure('support search: hostname', (i) => searchLicensesForSupport(at(sample.hostnames, i)), found);
  await measure('support search: fingerprint prefix', (i) => searchLicensesForSupport(at(sample.fingerprintPrefixes, i)), found);
  await measure('admin overview', () => usageOverview(), (o) => o.seats.active > 0);
  await measure('admin license list: page 1', () => adminLicensesPage(criteriaOf(''), { limit: 25 }), (p) => p.rows.length === 25);
  // Deep pages: the page after a license spread through the catalogue (keys are sampled every 997th license).
  // The first sample is the oldest license, with no page after it.
  const deep = await Promise.all(sample.keys.slice(1).map(async (key) => (await findLicenseByKeyHash(hashLicenseKey(key)))!.license));
  // Every order the list offers, from cursors spread over the catalogue (going up and down).
  for (const key of LICENSE_SORT_KEYS) {
    for (const direction of ['desc', 'asc'] as const) {
      const order = { key, direction };
      await measure(
        `admin license list by ${key} ${direction}: any page`,
        (i) => adminLicensesPage(criteriaOf(''), { limit: 25, order, cursor: encodeCursor({ direction: 'after', order, at: cursorOf(at(deep, i), order) }) }),
        (p) => p.rows.length > 0,
        `cursors spread over all ${sample.licenses.toLocaleString('en')} licenses`,
      );
    }
  }
  await measure('admin license list: suspended, page 1', () => adminLicensesPage(criteriaOf('', { status: 'suspended' }), { limit: 25 }), (p) => p.rows.length === 25);
  await measure('license seats by key, 20,000 seats: page 1', (i) => viewLicenseByKey(at(sample.bigLicenseKeys, i)), (r) => r.ok);
  await measure('license seats by key, 20,000 seats: page 400', (i) => viewLicenseByKey(at(sample.bigLicenseKeys, i), new Date(), 400), (r) => r.ok);

  // Activation in the big database: fresh machines on a license with room.
  const license = await createTestLicense({ seats: 100_000 });
  const machines = await Promise.all(Array.from({ length: RUNS + 2 }, (_, i) => makeMachine(`bench-${i}`)));
  const requests = await Promise.all(machines.map((m) => m.request({ key: license.key, product: { slug: license.productSlug } })));
  await measure('activation (in-process)', (i) => activate({ requestText: requests[i % requests.length]!, actor: endUserActor('API', '127.0.0.1') }), (r) => r.ok);

  console.log(`\n${dialect === 'pg' ? 'PostgreSQL' : 'SQLite'}: ${sample.licenses.toLocaleString('en')} licenses, ${sample.seats.toLocaleString('en')} seats, ${RUNS} runs each\n`);
  console.log('| operation | p50 ms | p99 ms |');
  console.log('|---|--:|--:|');
  for (const row of rows) console.log(`| ${row.operation} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} |`);
  await closeDb();
}

await main();
