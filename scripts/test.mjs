#!/usr/bin/env node
// `npm test`: unit and integration tests (vitest), a production build, then the browser
// suite (Playwright in Debian's Chromium) against that build on a fresh data directory.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium.mjs';

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

const chromium = ensureChromium();
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatepass-test-report-'));
const only = process.argv[2]; // `npm test -- unit` or `npm test -- e2e`

let unitOk = true;
if (only !== 'e2e') {
  unitOk = step('unit and integration tests (vitest)', process.execPath, [
    bin('vitest', 'vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${path.join(reportDir, 'vitest.json')}`,
  ]);
}

let e2eOk = true;
if (only !== 'unit') {
  const built = step('production build (next build)', process.execPath, [bin('next', 'dist/bin/next'), 'build']);
  if (!built) {
    e2eOk = false;
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatepass-e2e-'));
    const port = String(await freePort());
    e2eOk = step('browser tests (Playwright in Chromium)', process.execPath, [bin('@playwright/test', 'cli.js'), 'test'], {
      ...process.env,
      GATEPASS_CHROMIUM: chromium,
      // Fixtures call the domain code (which imports `server-only`) against the server's database.
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--conditions=react-server'].filter(Boolean).join(' '),
      GATEPASS_TEST_PORT: port,
      GATEPASS_TEST_DATA_DIR: dataDir,
      GATEPASS_TEST_REPORT: path.join(reportDir, 'playwright.json'),
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const vitest = readJson(path.join(reportDir, 'vitest.json'));
const playwright = readJson(path.join(reportDir, 'playwright.json'));
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0) + (playwright?.stats?.flaky ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats?.skipped ?? 0);
const ok = unitOk && e2eOk && failed === 0;
console.log(`\n${ok ? 'All tests passed.' : 'Some tests failed.'}`);
console.log(`${passed} passed, ${ok ? failed : Math.max(failed, 1)} failed${skipped ? `, ${skipped} skipped` : ''}`);
fs.rmSync(reportDir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
