import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, databaseFile } from '@/db/client';
import { countUsers } from '@/db/queries/users';

// Issue 13, point 8: the database holds password hashes, customer data and the audit log.
// SQLite only (*.sqlite.test.ts): PostgreSQL keeps its own files.
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const testDir = process.env.GATEPASS_DATA_DIR!;

// Opening migrates, which writes: -wal and -shm exist while the database is open.
const openAndWrite = () => countUsers();

describe('the SQLite data files', () => {
  afterEach(async () => {
    await closeDb();
    process.env.GATEPASS_DATA_DIR = testDir;
  });

  it('are created readable by the owner only', async () => {
    process.env.GATEPASS_DATA_DIR = path.join(testDir, 'fresh', 'data');
    await openAndWrite();
    const file = databaseFile();
    expect(modeOf(path.dirname(file))).toBe(0o700);
    for (const each of [file, `${file}-wal`, `${file}-shm`]) expect([each, modeOf(each)]).toEqual([each, 0o600]);
  });

  it('are repaired when an older version left them readable by everyone', async () => {
    process.env.GATEPASS_DATA_DIR = path.join(testDir, 'old');
    const file = databaseFile();
    fs.mkdirSync(path.dirname(file), { mode: 0o755 });
    fs.chmodSync(path.dirname(file), 0o755);
    // Another connection keeps -wal and -shm in place, as a running older version would.
    const older = new Database(file);
    older.pragma('journal_mode = WAL');
    older.exec('CREATE TABLE left_behind (n integer); INSERT INTO left_behind VALUES (1)');
    for (const each of [file, `${file}-wal`, `${file}-shm`]) fs.chmodSync(each, 0o644);
    try {
      await openAndWrite();
      expect(modeOf(path.dirname(file))).toBe(0o700);
      for (const each of [file, `${file}-wal`, `${file}-shm`]) expect([each, modeOf(each)]).toEqual([each, 0o600]);
    } finally {
      older.close();
    }
  });
});
