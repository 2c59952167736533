import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '@/db/client';
import { endUserActor } from '@/lib/core/actor';
import { activate } from '@/lib/licensing/activate';
import { createTestLicense, makeMachine, setUpInstance, type TestLicense } from '@/lib/testing/licensing-fixtures';

const actor = endUserActor('API', '203.0.113.9');

beforeAll(setUpInstance);

async function activateNewMachine(license: TestLicense, name: string) {
  const result = await activate({ requestText: await (await makeMachine(name)).request(license), actor });
  if (!result.ok) throw new Error(result.message);
}

/** The SQL texts better-sqlite3 runs while `fn` runs, on any connection. */
async function statementsRunBy(fn: () => Promise<void>): Promise<string[]> {
  const texts = new Set<string>();
  const prototype = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1')) as Record<'run' | 'all' | 'get', (...args: unknown[]) => unknown>;
  const originals = { run: prototype.run, all: prototype.all, get: prototype.get };
  for (const method of ['run', 'all', 'get'] as const) {
    prototype[method] = function (this: { source: string }, ...args: unknown[]) {
      texts.add(this.source);
      return originals[method].apply(this, args);
    };
  }
  try {
    await fn();
  } finally {
    Object.assign(prototype, originals);
  }
  return [...texts];
}

// SQLite only (*.sqlite.test.ts): how SQLite plans the statements of the hot path
// (docs: issue 9 "Hot path"; db/prepared.ts says why nothing it plans with is bound).
describe('the statements of an activation, as SQLite plans them', () => {
  it('reach every row by index in index order, and bind no LIMIT and no value a partial index needs', async () => {
    const license = await createTestLicense({ seats: 40 });
    // Live seats on the license, so a walk over them would differ from one index seek.
    for (let i = 0; i < 30; i++) await activateNewMachine(license, `bench-${i}`);
    const texts = await statementsRunBy(() => activateNewMachine(license, 'the-new-one'));

    expect(texts.filter((text) => /\blimit \?/i.test(text))).toEqual([]);
    const db = new Database(databaseFile(), { readonly: true });
    try {
      const plans = texts
        .filter((text) => /^select/i.test(text))
        .map((text) => {
          const nulls = Array.from({ length: (text.match(/\?/g) ?? []).length }, () => null);
          const steps = db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...nulls) as Array<{ detail: string }>;
          return steps.map((step) => step.detail).join(' | ');
        });
      // The webhook endpoints are a handful of rows, read whole on purpose.
      const slow = plans.filter((plan) => /\bSCAN (?!webhook_endpoints)|TEMP B-TREE/.test(plan));
      expect(slow).toEqual([]);
      // The re-bind look-up (issue 11): the newest live seat of this device key, one seek.
      expect(plans).toContainEqual(expect.stringContaining('seats_license_device_idx (license_id=? AND device_thumbprint=? AND status=?)'));
      // The same machine's live seat: the partial unique index, which needs status = 'active' written in.
      expect(plans).toContainEqual(expect.stringContaining('seats_active_fingerprint_unique (license_id=? AND fingerprint=?)'));
    } finally {
      db.close();
    }
  });
});
