import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleSqliteSync } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzleSqliteAsync } from 'drizzle-orm/sqlite-proxy';
import pg from 'pg';
import { dataDir } from '@/db/data-dir';
import { dialect } from '@/db/dialect';
import * as pgSchema from '@/db/pg-schema';
import * as sqliteSchema from '@/db/sqlite-schema';

/**
 * The database handle every query takes. Queries are typed against the PostgreSQL
 * flavour of drizzle and run unchanged on SQLite (db/schema.ts says why that holds).
 */
export type Db = NodePgDatabase<typeof pgSchema>;
/** A handle inside {@link writeTransaction}: functions that must be part of a change take this. */
export type Tx = Db & { readonly inTransaction: true };
export type DbOrTx = Db | Tx;

/** Rows as arrays of driver values, in the order of `columns`. */
interface BulkRows {
  table: string;
  columns: string[];
  rows: unknown[][];
}

interface Engine {
  db: Db;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Many rows in few statements, skipping the query builder (db/queries/bulk-load.ts). */
  bulkInsert(tx: Tx, rows: BulkRows): Promise<void>;
  close(): Promise<void>;
  /** Sets file modes, reports the file: only SQLite has one. */
  file?: string;
}

// One engine per process, kept across Next.js hot reloads.
const globalForDb = globalThis as unknown as { gatepassEngine?: Engine };

const STATEMENT_CACHE_SIZE = 500;

const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

/** Path of the SQLite file for the configured data directory. */
export function databaseFile(): string {
  return path.join(dataDir(), 'gatepass.sqlite');
}

/**
 * A FIFO lock: the SQLite engine has one connection, so while one transaction awaits
 * between its statements, every other statement of this process waits its turn instead
 * of landing inside that transaction.
 */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  held = false;

  async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => next);
    await previous;
    this.held = true;
    return () => {
      this.held = false;
      release();
    };
  }
}

/**
 * The database holds password hashes, customer data and the audit log: only the owner may
 * read it (issue 13, point 8). Creates the data directory 0700 and the database file 0600,
 * and repairs both, and an existing -wal and -shm, when they were made more open (an older
 * version, a copy, a umask). SQLite creates -wal and -shm with the database file's mode, so
 * setting it before the first open covers them too.
 */
function restrictDatabaseFiles(file: string): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  privateMode(dir, 0o700);
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const each of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(/*turbopackIgnore: true*/ each)) privateMode(each, 0o600);
}

function privateMode(file: string, mode: number): void {
  if ((fs.statSync(/*turbopackIgnore: true*/ file).mode & 0o777) === mode) return;
  try {
    fs.chmodSync(file, mode);
  } catch (error) {
    // Not our file (a directory set up by root, a mount): say so, but still start.
    console.warn(`Could not restrict ${file} to mode ${mode.toString(8)}: ${(error as Error).message}. Make it readable by the Gatepass user only.`);
  }
}

function openSqlite(): Engine {
  const file = databaseFile();
  restrictDatabaseFiles(file);
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // Another process (a second instance, the CLI, a test) may hold the write lock briefly.
  sqlite.pragma('busy_timeout = 5000');
  // Applied when a process opens the database, never at build (issue 2); idempotent.
  migrateSqlite(drizzleSqliteSync(sqlite), { migrationsFolder: path.join(MIGRATIONS_DIR, 'sqlite') });

  // A second connection for reads outside transactions: in WAL mode it reads the last
  // committed state without waiting for the writer, so a page or a cache load never queues
  // behind a transaction (and a transaction that awaits such a read cannot deadlock on it).
  const reader = new Database(file, { readonly: true });
  reader.pragma('busy_timeout = 5000');

  // Each distinct SQL text is prepared once per connection: drizzle builds the same text
  // for the same query, so the hot path never re-prepares. Texts that vary (IN lists of
  // different lengths) are evicted oldest-first past the bound.
  const statementCache = (connection: Database.Database) => {
    const statements = new Map<string, Database.Statement>();
    return (text: string) => {
      let statement = statements.get(text);
      if (!statement) {
        statement = connection.prepare(text);
        if (statement.reader) statement.raw(true);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        statements.set(text, statement);
      }
      return statement;
    };
  };
  const writerStatement = statementCache(sqlite);
  const readerStatement = statementCache(reader);
  const execute = (statement: Database.Statement, params: unknown[], method: 'run' | 'all' | 'values' | 'get') => {
    if (!statement.reader) return { rows: [], ...statement.run(...params) };
    return method === 'get' ? { rows: statement.get(...params) } : { rows: statement.all(...params) };
  };
  const run = (text: string, params: unknown[], method: 'run' | 'all' | 'values' | 'get') => execute(writerStatement(text), params, method);

  const lock = new Mutex();
  const inTransaction = new AsyncLocalStorage<true>();
  const db = drizzleSqliteAsync(
    async (text, params, method) => {
      if (inTransaction.getStore() || !lock.held) return run(text, params, method) as { rows: unknown[] };
      const forReading = writerStatement(text).readonly;
      if (forReading) return execute(readerStatement(text), params, method) as { rows: unknown[] };
      // A write outside any transaction waits for the transaction in progress to end.
      const release = await lock.acquire();
      try {
        return run(text, params, method) as { rows: unknown[] };
      } finally {
        release();
      }
    },
    { schema: sqliteSchema },
  ) as unknown as Db;

  return {
    db,
    file,
    async transaction(fn) {
      if (inTransaction.getStore()) throw new Error('writeTransaction inside writeTransaction: pass the tx down instead');
      const release = await lock.acquire();
      try {
        // IMMEDIATE takes the file's write lock at BEGIN: another process cannot read the
        // same free seat and take it too (DESIGN.md "Concurrency must never oversell a seat").
        run('BEGIN IMMEDIATE', [], 'run');
        try {
          const result = await inTransaction.run(true, () => fn(db as Tx));
          run('COMMIT', [], 'run');
          return result;
        } catch (error) {
          if (sqlite.inTransaction) run('ROLLBACK', [], 'run');
          throw error;
        }
      } finally {
        release();
      }
    },
    async bulkInsert(_tx, { table, columns, rows }) {
      if (!inTransaction.getStore()) throw new Error('bulkInsert runs inside writeTransaction');
      const row = `(${columns.map(() => '?').join(', ')})`;
      const text = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${rows.map(() => row).join(', ')}`;
      run(text, rows.flat(), 'run');
    },
    async close() {
      reader.close();
      sqlite.close();
    },
  };
}

function openPostgres(url: string): Engine {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.GATEPASS_DB_POOL_SIZE || 10) });
  // A dropped idle connection must not take the process down; the pool replaces it.
  pool.on('error', (error) => console.error(`PostgreSQL connection error: ${error.message}`));
  const db = drizzlePg(pool, { schema: pgSchema });
  return {
    db,
    // READ COMMITTED plus explicit row locks (lockLicenseForSeatChange): see docs/DEPLOY.md.
    transaction: (fn) => db.transaction((tx) => fn(tx as unknown as Tx)),
    async bulkInsert(tx, { table, columns, rows }) {
      // The transaction's own connection (drizzle keeps it on the session).
      const client = (tx as unknown as { session: { client: pg.PoolClient } }).session.client;
      let n = 0;
      const values = rows.map((row) => `(${row.map(() => `$${++n}`).join(', ')})`).join(', ');
      await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`, rows.flat());
    },
    close: () => pool.end(),
  };
}

function engine(): Engine {
  globalForDb.gatepassEngine ??= dialect === 'pg' ? openPostgres(process.env.DATABASE_URL!) : openSqlite();
  return globalForDb.gatepassEngine;
}

/** The process-wide database handle (SQLite is opened and migrated on first use). */
export function getDb(): Db {
  return engine().db;
}

/**
 * Runs `fn` as one transaction: every write in it lands, or none does. On SQLite it holds
 * the database's write lock from BEGIN; on PostgreSQL, queries that must serialize take
 * row locks inside it (db/queries/licenses.ts `lockLicenseForSeatChange`).
 */
export function writeTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return engine().transaction(fn);
}

/** Inserts many rows of one table inside `tx`, values already in the driver's form. */
export function bulkInsert(tx: Tx, rows: BulkRows): Promise<void> {
  return engine().bulkInsert(tx, rows);
}

/** Closes the connection(s) (tests and scripts that must release the database). */
export async function closeDb(): Promise<void> {
  const open = globalForDb.gatepassEngine;
  globalForDb.gatepassEngine = undefined;
  await open?.close();
}

/**
 * Brings the schema up to date. SQLite migrates as it opens; PostgreSQL here, under an
 * advisory lock, so instances starting together apply each migration once.
 */
export async function migrateDatabase(): Promise<void> {
  const { db } = engine();
  if (dialect !== 'pg') return;
  // Any constant shared by every instance; 7271 is ours.
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7271)`); // lockFirstStart uses 7272
    await migratePg(tx as unknown as Db, { migrationsFolder: path.join(MIGRATIONS_DIR, 'pg') });
  });
}
