import 'server-only';
import { getDb, type Db, type DbOrTx } from '@/db/client';
import { dialect } from '@/db/dialect';

interface Executable<T> {
  execute(values?: Record<string, unknown>): Promise<T>;
}
interface Preparable<T> {
  prepare(name: string): Executable<T>;
}

/**
 * A query of the hot path, written once with `sql.placeholder(...)` for its values and
 * run with new values each time. On SQLite it is built once per connection: drizzle does
 * not rebuild its SQL, and db/client.ts reuses the prepared statement (inside a
 * transaction too: there the transaction handle is the connection's own). On PostgreSQL it
 * is built on the handle it is given (a transaction's connection must run it) as a named
 * statement, which the server parses and plans once per connection.
 *
 * Bind only what changes. SQLite (built with STAT4) plans a statement again whenever a
 * parameter it looked at while planning is bound anew: a value that decides whether a
 * partial index applies (`status = 'active'`), or a LIMIT. So write constants as SQL
 * literals (sql`'active'`) and leave out `.limit()`: either costs a full re-prepare, 4-5x
 * the look-up itself, on every run.
 *
 * @example
 * const findNonce = hotQuery('find_nonce', (db) => db.select().from(usedNonces).where(eq(usedNonces.jti, sql.placeholder('jti'))));
 * const rows = await findNonce(tx, { jti });
 */
export function hotQuery<T>(name: string, build: (db: DbOrTx) => Preparable<T>): (db: DbOrTx, values: Record<string, unknown>) => Promise<T> {
  const built = new WeakMap<Db, Executable<T>>();
  return (db, values) => {
    if (dialect === 'pg') return build(db).prepare(name).execute(values);
    const connection = getDb();
    let query = built.get(connection);
    if (!query) {
      query = build(connection).prepare(name);
      built.set(connection, query);
    }
    return query.execute(values);
  };
}
