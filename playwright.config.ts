import { defineConfig } from '@playwright/test';
// The list is shared with scripts/test.mjs so both start Chromium the same way.
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { TEST_ADMIN } from './e2e/fixtures/credentials';

const port = Number(process.env.GATEPASS_TEST_PORT || 3100);
const dataDir = process.env.GATEPASS_TEST_DATA_DIR || `${process.cwd()}/.gatepass-test/data`;
// e2e fixtures open the server's database: point them (and every worker) at it. With
// GATEPASS_TEST_E2E_DATABASE_URL (npm test's PostgreSQL pass) that is a PostgreSQL database.
const databaseUrl = process.env.GATEPASS_TEST_E2E_DATABASE_URL || '';
process.env.GATEPASS_DATA_DIR = dataDir;
if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
else delete process.env.DATABASE_URL;
delete process.env.GATEPASS_MASTER_KEY;
// Auth.js refuses 127.0.0.1 here: every URL uses localhost.
export const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ...(process.env.GATEPASS_TEST_REPORT ? [['json', { outputFile: process.env.GATEPASS_TEST_REPORT }] as const] : [])],
  projects: [
    // The accessibility spec looks at pages, whatever the engine: the SQLite pass runs it. The
    // screenshot camera (not a test) runs only when GATEPASS_SCREENSHOTS names a directory.
    {
      name: 'browser',
      testIgnore: [
        /\.isolated\.spec\.ts$/,
        ...(databaseUrl ? [/accessibility\.spec\.ts$/] : []),
        ...(process.env.GATEPASS_SCREENSHOTS ? [] : [/screenshots\.spec\.ts$/]),
      ],
    },
    // Specs that assert on the whole database, or change instance-wide state (the signing
    // key), run once everything else is done, one at a time.
    { name: 'isolated', testMatch: /\.isolated\.spec\.ts$/, dependencies: ['browser'], workers: 1 },
  ],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    acceptDownloads: true,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  webServer: {
    command: 'node scripts/start.mjs',
    url: `${baseURL}/api/v1/jwks`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      // The test process resolves `server-only` with the react-server condition; Next must not.
      NODE_OPTIONS: '',
      GATEPASS_SKIP_BUILD: process.env.GATEPASS_SKIP_BUILD ?? '1',
      PORT: String(port),
      GATEPASS_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      GATEPASS_ADMIN_EMAIL: TEST_ADMIN.email,
      GATEPASS_ADMIN_PASSWORD: TEST_ADMIN.password,
      GATEPASS_PUBLIC_URL: baseURL,
      GATEPASS_RATE_LIMIT_PER_MINUTE: process.env.GATEPASS_RATE_LIMIT_PER_MINUTE ?? '100000',
      // Every browser test signs in from this one address; e2e/sign-in-flood.spec.ts meets the hash bound instead.
      GATEPASS_SIGN_IN_PER_MINUTE: process.env.GATEPASS_SIGN_IN_PER_MINUTE ?? '100000',
    },
  },
});
