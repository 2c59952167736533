// Each test file gets its own data directory and master key, and its own database: a real
// SQLite file, migrated on first use, or, when GATEPASS_TEST_DATABASE_URL names a
// PostgreSQL server (npm test starts a throwaway one), a fresh database on it, migrated
// here. Never the developer's ./data.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';

if (!process.env.GATEPASS_KEEP_TEST_ENV) {
  process.env.GATEPASS_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'gatepass-unit-'));
  process.env.GATEPASS_MASTER_KEY = crypto.randomBytes(32).toString('hex');
  const server = process.env.GATEPASS_TEST_DATABASE_URL;
  if (server) {
    const name = `gatepass_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    const { migrateDatabase, closeDb } = await import('@/db/client');
    await migrateDatabase();
    afterAll(async () => {
      await closeDb();
      const dropper = new pg.Client({ connectionString: server });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    });
  } else {
    delete process.env.DATABASE_URL;
  }
}
