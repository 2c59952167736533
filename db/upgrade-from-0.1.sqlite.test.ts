import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { databaseFile } from '@/db/client';

// A 0.1 database (migrations 0000 and 0001, data written by 0.1) is upgraded in place when
// this version opens it: the live-seat counts and the daily counters are filled from the
// seats it already has, and the customer search index covers the licenses it already has.
// SQLite only (*.sqlite.test.ts): the PostgreSQL pass of npm test leaves it out.
describe('upgrading a 0.1 SQLite database', () => {
  it('fills seats_active, the daily counters and the search index from existing rows', async () => {
    // Migrations as 0.1 shipped them: the first two only.
    const old = fs.mkdtempSync(path.join(os.tmpdir(), 'gatepass-old-migrations-'));
    const source = path.join(process.cwd(), 'db', 'migrations', 'sqlite');
    fs.mkdirSync(path.join(old, 'meta'));
    for (const file of ['0000_init.sql', '0001_user-sessions-valid-after.sql']) fs.copyFileSync(path.join(source, file), path.join(old, file));
    const journal = JSON.parse(fs.readFileSync(path.join(source, 'meta', '_journal.json'), 'utf8'));
    journal.entries = journal.entries.filter((entry: { idx: number }) => entry.idx < 2);
    fs.writeFileSync(path.join(old, 'meta', '_journal.json'), JSON.stringify(journal));

    fs.mkdirSync(path.dirname(databaseFile()), { recursive: true });
    const sqlite = new Database(databaseFile());
    migrate(drizzle(sqlite), { migrationsFolder: old });
    const day = (iso: string) => Math.floor(Date.parse(iso) / 1000);
    sqlite.exec(`
      INSERT INTO products (id, slug, name) VALUES ('p', 'app', 'App');
      INSERT INTO plans (id, product_id, slug, name, offline_ttl_seconds, grace_seconds, seat_limit) VALUES ('pl', 'p', 'team', 'Team', 86400, 0, 5);
      INSERT INTO licenses (id, plan_id, key_hash, key_encrypted, key_prefix, key_suffix, customer_name, customer_email)
        VALUES ('L', 'pl', 'h', 'x', 'AAAAA', 'BBBBB', 'Margarethe Oduya', 'm.oduya@northwind.example');
    `);
    const seat = sqlite.prepare(`INSERT INTO seats (id, license_id, fingerprint, device_public_jwk, device_thumbprint, status, activated_at, last_issued_at, lease_ends_at, grace_ends_at, released_at)
      VALUES (?, 'L', ?, '{}', 't', ?, ?, ?, ?, ?, ?)`);
    seat.run('s1', 'f1', 'active', day('2026-10-01'), day('2026-10-01'), day('2026-10-02'), day('2026-10-02'), null);
    seat.run('s2', 'f2', 'active', day('2026-10-01'), day('2026-10-01'), day('2026-10-02'), day('2026-10-02'), null);
    seat.run('s3', 'f3', 'deactivated', day('2026-10-02'), day('2026-10-02'), day('2026-10-03'), day('2026-10-03'), day('2026-10-05'));
    seat.run('s4', 'f4', 'released', day('2026-10-02'), day('2026-10-02'), day('2026-10-03'), day('2026-10-03'), day('2026-10-05'));
    sqlite.close();

    // This version opens (and so migrates) the same file.
    const { getDb } = await import('@/db/client');
    const { findLicenseById } = await import('@/db/queries/licenses');
    const { listSeatCountsSince, countSeatsHeld } = await import('@/db/queries/seat-counts');
    const { searchLicenses } = await import('@/db/queries/license-search');
    getDb();
    expect((await findLicenseById('L'))?.license.seatsActive).toBe(2);
    expect(await listSeatCountsSince(new Date('2026-09-01'))).toEqual([
      { day: '2026-10-01', activated: 2, deactivated: 0, released: 0 },
      { day: '2026-10-02', activated: 2, deactivated: 0, released: 0 },
      { day: '2026-10-05', activated: 0, deactivated: 1, released: 1 },
    ]);
    expect(await countSeatsHeld()).toBe(2);
    const found = await searchLicenses({ text: 'ODUYA' }, { limit: 10 });
    expect(found.rows.map((row) => row.license.id)).toEqual(['L']);
  });
});
