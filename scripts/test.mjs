#!/usr/bin/env node
// `npm test`: code health (tsc, ESLint, knip), the unit and integration tests (vitest) and
// the browser suite (Playwright in Debian's Chromium, against a production build), each
// on both engines: the embedded SQLite and a real PostgreSQL server. Without
// GATEPASS_TEST_DATABASE_URL a throwaway PostgreSQL is started here (scripts/postgres.mjs).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium.mjs';
import { createDatabase, ensurePostgresBinaries, startThrowawayPostgres } from './postgres.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = '1';
// A separate build directory: a running `npm start` keeps serving its own build.
process.env.GATEPASS_DIST_DIR ||= '.next-test';
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);

function ensureChromium() {
  let chromium = findChromium();
  if (chromium) return chromium;
  if (process.env.GATEPASS_CHROMIUM) {
    console.error(`GATEPASS_CHROMIUM is set to ${process.env.GATEPASS_CHROMIUM}, which does not exist. Fix the path, or unset it to use Debian's /usr/bin/chromium.`);
    process.exit(1);
  }
  const canApt = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error('Chromium is missing for the browser tests. Install it with:\n\n  sudo apt-get install -y chromium\n\n(or set GATEPASS_CHROMIUM to a Chromium binary), then run npm test again.');
    process.exit(1);
  }
  console.log('Installing Debian chromium for the browser tests (apt-get)...');
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      console.error('apt-get could not install chromium. Run: apt-get update && apt-get install -y chromium');
      process.exit(1);
    }
  }
  chromium = findChromium();
  if (!chromium) {
    console.error('apt-get finished but /usr/bin/chromium is still missing. Run: apt-get install -y chromium');
    process.exit(1);
  }
  return chromium;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function step(label, command, args, env = process.env) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const only = process.argv[2]; // `npm test -- unit`, `npm test -- e2e` or `npm test -- health`
const chromium = only === 'unit' || only === 'health' ? undefined : ensureChromium();
if (!process.env.GATEPASS_TEST_DATABASE_URL && only !== 'health') ensurePostgresBinaries();
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatepass-test-report-'));
const reports = [];
const results = [];

function record(label, ok) {
  results.push({ label, ok });
  return ok;
}

if (!only || only === 'health') {
  record('types', step('code health: types (tsc --noEmit)', process.execPath, [bin('typescript', 'bin/tsc'), '--noEmit']));
  record('lint', step('code health: lint (eslint, zero warnings)', process.execPath, [bin('eslint', 'bin/eslint.js'), '--max-warnings=0', '.']));
  record('knip', step('code health: unused files, exports and dependencies (knip)', process.execPath, [bin('knip', 'bin/knip.js')]));
}

let postgres;
let serverUrl = process.env.GATEPASS_TEST_DATABASE_URL;
if (!serverUrl && only !== 'health') {
  console.log('\n=== starting a throwaway PostgreSQL server ===');
  postgres = await startThrowawayPostgres();
  serverUrl = postgres.url;
  console.log(`PostgreSQL on ${serverUrl}`);
}
const stopPostgres = () => postgres?.stop();
process.on('exit', stopPostgres);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const ENGINES = [
  { name: 'SQLite', env: { GATEPASS_TEST_DATABASE_URL: '' }, vitestArgs: [] },
  // Tests of SQLite's own upgrade path (*.sqlite.test.ts) have nothing to test on PostgreSQL.
  { name: 'PostgreSQL', env: { GATEPASS_TEST_DATABASE_URL: serverUrl }, vitestArgs: ['--exclude', '**/*.sqlite.test.ts'] },
];

if (!only || only === 'unit') {
  for (const engine of ENGINES) {
    const report = path.join(reportDir, `vitest-${engine.name}.json`);
    reports.push({ kind: 'vitest', file: report });
    record(
      `vitest on ${engine.name}`,
      step(
        `unit and integration tests on ${engine.name} (vitest)`,
        process.execPath,
        [bin('vitest', 'vitest.mjs'), 'run', ...engine.vitestArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
        { ...process.env, ...engine.env },
      ),
    );
  }
}

if (!only || only === 'e2e') {
  const built = record('build', step('production build (next build)', process.execPath, [bin('next', 'dist/bin/next'), 'build']));
  if (built) {
    for (const [i, engine] of ENGINES.entries()) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatepass-e2e-'));
      const port = String(await freePort());
      const databaseUrl = engine.name === 'PostgreSQL' ? createDatabase(serverUrl, `gatepass_e2e_${process.pid}_${i}`) : '';
      const report = path.join(reportDir, `playwright-${engine.name}.json`);
      reports.push({ kind: 'playwright', file: report });
      record(
        `browser tests on ${engine.name}`,
        step(`browser tests on ${engine.name} (Playwright in Chromium)`, process.execPath, [bin('@playwright/test', 'cli.js'), 'test'], {
          ...process.env,
          GATEPASS_CHROMIUM: chromium,
          // Fixtures call the domain code (which imports `server-only`) against the server's database.
          NODE_OPTIONS: [process.env.NODE_OPTIONS, '--conditions=react-server'].filter(Boolean).join(' '),
          GATEPASS_TEST_PORT: port,
          GATEPASS_TEST_DATA_DIR: dataDir,
          GATEPASS_TEST_E2E_DATABASE_URL: databaseUrl,
          GATEPASS_TEST_REPORT: report,
        }),
      );
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const { kind, file } of reports) {
  const report = readJson(file);
  if (kind === 'vitest') {
    passed += report?.numPassedTests ?? 0;
    failed += report?.numFailedTests ?? 0;
    skipped += (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0);
  } else {
    passed += (report?.stats?.expected ?? 0) + (report?.stats?.flaky ?? 0);
    failed += report?.stats?.unexpected ?? 0;
    skipped += report?.stats?.skipped ?? 0;
  }
}
const ok = results.every((r) => r.ok) && failed === 0;
console.log('');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.label}`);
console.log(`\n${ok ? 'All tests passed.' : 'Some tests failed.'}`);
console.log(`${passed} passed, ${ok ? failed : Math.max(failed, 1)} failed${skipped ? `, ${skipped} skipped` : ''}`);
fs.rmSync(reportDir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
