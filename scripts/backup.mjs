#!/usr/bin/env node
// `npm run backup [-- DIR]`: a consistent copy of the live database (SQLite's online
// backup, safe while the server runs) next to a copy of the master key file.
// PostgreSQL is backed up with its own tools (pg_dump), not by this script.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

if (process.env.DATABASE_URL?.trim()) {
  console.error('DATABASE_URL points at PostgreSQL: back it up with pg_dump (and keep a copy of the master key), not with npm run backup.');
  process.exit(1);
}

const dataDir = path.resolve(process.env.GATEPASS_DATA_DIR || 'data');
const source = path.join(dataDir, 'gatepass.sqlite');
if (!fs.existsSync(source)) {
  console.error(`No database at ${source}. Set GATEPASS_DATA_DIR to the data directory of your instance.`);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
const target = path.resolve(process.argv[2] || path.join(dataDir, 'backups', stamp));
fs.mkdirSync(target, { recursive: true, mode: 0o700 });

// The copy holds what the database holds: readable by the owner only, like the original
// (db/client.ts restrictDatabaseFiles). SQLite keeps the mode of a file that exists.
const copy = path.join(target, 'gatepass.sqlite');
fs.closeSync(fs.openSync(copy, 'a', 0o600));
fs.chmodSync(copy, 0o600);
const db = new Database(source, { readonly: true, fileMustExist: true });
await db.backup(copy);
db.close();

const keyFile = path.join(dataDir, 'master.key');
if (fs.existsSync(keyFile)) {
  fs.copyFileSync(keyFile, path.join(target, 'master.key'));
  fs.chmodSync(path.join(target, 'master.key'), 0o600);
  console.log(`Backed up the database and master.key to ${target}`);
  console.log('Keep this folder secret: master.key opens every signing key and license key in the database.');
} else {
  console.log(`Backed up the database to ${target}`);
  console.log('The master key comes from GATEPASS_MASTER_KEY: back it up separately, the database is useless without it.');
}
