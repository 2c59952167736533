// Each test file gets its own data directory and master key, and its own database: a real
// SQLite file, migrated on first use, or, when GATEPASS_TEST_DATABASE_URL names a
// PostgreSQL server (npm test starts a throwaway one), a fresh database on it, migrated
// here. Never the developer's ./data.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openFreshDatabase } from '@/lib/testing/fresh-database';

if (!process.env.GATEPASS_KEEP_TEST_ENV) {
  process.env.GATEPASS_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'gatepass-unit-'));
  process.env.GATEPASS_MASTER_KEY = crypto.randomBytes(32).toString('hex');
  if (process.env.GATEPASS_TEST_DATABASE_URL) afterAll(await openFreshDatabase());
  else delete process.env.DATABASE_URL;
}
