import { describe, expect, it } from 'vitest';
import { writeTransaction } from '@/db/client';
import { countAuditEvents, listAuditEventsPage, listAuditFacets } from '@/db/queries/audit-log';
import { audit } from '@/db/queries/audit';

const at = (iso: string) => new Date(iso);

describe('the audit log query', () => {
  it('filters by actor, action, license and date range, newest first, and pages', async () => {
    const ann = { type: 'user' as const, id: 'a', label: 'ann@example.com', ip: '1.1.1.1' };
    const bob = { type: 'user' as const, id: 'b', label: 'bob@example.com', ip: '2.2.2.2' };
    await writeTransaction(async (tx) => {
      await audit(tx, ann, 'license.suspend', { type: 'license', id: 'L1', licenseId: 'L1' }, {}, at('2026-11-01T10:00:00Z'));
      await audit(tx, ann, 'license.reinstate', { type: 'license', id: 'L1', licenseId: 'L1' }, {}, at('2026-11-02T10:00:00Z'));
      await audit(tx, bob, 'license.suspend', { type: 'license', id: 'L2', licenseId: 'L2' }, {}, at('2026-11-03T10:00:00Z'));
      await audit(tx, bob, 'plan.update', { type: 'plan', id: 'P1' }, {}, at('2026-11-04T10:00:00Z'));
    });
    const actions = async (filter: Parameters<typeof listAuditEventsPage>[0]) => (await listAuditEventsPage(filter, { limit: 10, offset: 0 })).map((r) => r.action);

    expect(await actions({ actorLabel: 'ann@example.com' })).toEqual(['license.reinstate', 'license.suspend']);
    expect(await actions({ action: 'license.suspend' })).toHaveLength(2);
    expect(await actions({ licenseId: 'L2' })).toEqual(['license.suspend']);
    expect(await actions({ from: at('2026-11-02T00:00:00Z'), to: at('2026-11-04T00:00:00Z') })).toEqual(['license.suspend', 'license.reinstate']);
    expect(await countAuditEvents({ actorLabel: 'bob@example.com' })).toBe(2);
    expect((await listAuditEventsPage({}, { limit: 2, offset: 2 })).map((r) => r.action)).toEqual(['license.reinstate', 'license.suspend']);
    expect(await listAuditFacets()).toEqual({ actors: ['ann@example.com', 'bob@example.com'], actions: ['license.reinstate', 'license.suspend', 'plan.update'] });
  });
});
