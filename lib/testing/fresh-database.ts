// For tests that need a second, empty database in one test file (a new data directory is
// one for SQLite): on PostgreSQL, a new database on the test server, migrated, which the
// returned function drops again. Never the developer's database.
import crypto from 'node:crypto';
import pg from 'pg';

/**
 * Points the process at a fresh database: closes the open one, and on PostgreSQL
 * (GATEPASS_TEST_DATABASE_URL) creates and migrates a new one. On SQLite it only closes:
 * set GATEPASS_DATA_DIR to a new directory for a new file. Returns the clean-up.
 *
 * @example
 * const dropDatabase = await openFreshDatabase();
 * afterAll(dropDatabase);
 */
export async function openFreshDatabase(): Promise<() => Promise<void>> {
  const server = process.env.GATEPASS_TEST_DATABASE_URL;
  if (!server) {
    await (await import('@/db/client')).closeDb();
    return async () => {};
  }
  const name = `gatepass_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  // Set before db/ first loads: db/dialect reads DATABASE_URL as it loads (the vitest setup).
  process.env.DATABASE_URL = url.toString();
  const { closeDb, migrateDatabase } = await import('@/db/client');
  await closeDb();
  await migrateDatabase();
  return async () => {
    const { closeDb: close } = await import('@/db/client');
    if (process.env.DATABASE_URL === url.toString()) await close();
    const dropper = new pg.Client({ connectionString: server });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  };
}
