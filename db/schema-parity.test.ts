import { getTableConfig as pgConfig, type PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pg from '@/db/pg-schema';
import * as sqlite from '@/db/sqlite-schema';

// The queries are written once for both engines (db/schema.ts), so the two schemas must
// describe the same tables: names, columns, nullability, defaults, keys and indexes.
function shapeOf(config: { name: string; columns: { name: string; notNull: boolean; hasDefault: boolean; primary: boolean }[]; indexes: { config: { name?: string; unique?: boolean } }[]; primaryKeys: { columns: { name: string }[] }[] }) {
  return {
    name: config.name,
    columns: config.columns.map((c) => ({ name: c.name, notNull: c.notNull, hasDefault: c.hasDefault, primary: c.primary })).sort((x, y) => x.name.localeCompare(y.name)),
    indexes: config.indexes.map((i) => `${i.config.name}${i.config.unique ? ' (unique)' : ''}`).sort(),
    primaryKeys: config.primaryKeys.map((k) => k.columns.map((c) => c.name).join(',')),
  };
}

describe('the SQLite and PostgreSQL schemas', () => {
  it('export the same tables', () => {
    expect(Object.keys(pg).sort()).toEqual(Object.keys(sqlite).sort());
  });

  it.each(Object.keys(pg))('agree on %s', (name) => {
    const p = shapeOf(pgConfig((pg as Record<string, PgTable>)[name]!) as never);
    const s = shapeOf(sqliteConfig((sqlite as Record<string, SQLiteTable>)[name]!) as never);
    expect(p).toEqual(s);
  });
});
