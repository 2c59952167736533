import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { dataDir } from '@/db/data-dir';
import * as schema from '@/db/schema';

export type Db = BetterSQLite3Database<typeof schema>;
/** The handle a transaction callback receives; queries accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

interface Opened {
  db: Db;
  sqlite: Database.Database;
  file: string;
}

// One connection per process, kept across Next.js hot reloads.
const globalForDb = globalThis as unknown as { gatepassDb?: Opened };

const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

/** Path of the SQLite file for the configured data directory. */
export function databaseFile(): string {
  return path.join(dataDir(), 'gatepass.sqlite');
}

function open(): Opened {
  const file = databaseFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // Another process (the CLI, a test, a second worker) may hold the write lock briefly.
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  // Applied at start, never at build (issue 2); idempotent.
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return { db, sqlite, file };
}

/** The process-wide database, opened and migrated on first use. */
export function getDb(): Db {
  globalForDb.gatepassDb ??= open();
  return globalForDb.gatepassDb.db;
}

/** Closes the connection (tests and scripts that must release the file). */
export function closeDb(): void {
  globalForDb.gatepassDb?.sqlite.close();
  globalForDb.gatepassDb = undefined;
}

/**
 * Runs `fn` in one write transaction that takes the write lock at BEGIN, so two
 * processes can never read the same free seat and both take it (DESIGN.md "Concurrency
 * must never oversell a seat"). `fn` must be synchronous: better-sqlite3 is.
 */
export function writeTransaction<T>(fn: (tx: Tx) => T): T {
  return getDb().transaction(fn, { behavior: 'immediate' });
}
