import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditEventsPage } from '@/db/queries/audit-log';
import { findPlanById } from '@/db/queries/catalog';
import { activate } from '@/lib/licensing/activate';
import { SYSTEM_ACTOR, type Actor } from '@/lib/core/actor';
import { setPlanArchived } from '@/lib/licensing/catalog';
import { issueLicenses } from '@/lib/licensing/issue-licenses';
import { createTestLicense, makeMachine, setUpInstance } from '@/lib/testing/licensing-fixtures';

const admin: Actor = { type: 'user', id: 'u-admin', label: 'admin@example.com', ip: '10.0.0.9' };

beforeAll(setUpInstance);

describe('archiving a plan', () => {
  it('stops new licenses for the plan while the licenses already sold keep activating', async () => {
    const license = await createTestLicense({ seats: 2 });
    const archivedAt = new Date('2026-11-25T10:00:00Z');
    expect(await setPlanArchived(license.planId, true, admin, archivedAt)).toMatchObject({ ok: true });
    expect((await findPlanById(license.planId))?.archivedAt).toEqual(archivedAt);

    expect(await issueLicenses({ planId: license.planId }, admin)).toMatchObject({
      ok: false,
      code: 'ERR_CONFLICT',
      message: 'The plan Test plan is archived. Restore it on its page under Products & plans, or choose another plan.',
    });
    const machine = await makeMachine();
    const activation = await activate({ requestText: await machine.request(license), actor: SYSTEM_ACTOR });
    expect(activation).toMatchObject({ ok: true, refreshed: false });

    expect(await setPlanArchived(license.planId, false, admin)).toMatchObject({ ok: true });
    expect(await issueLicenses({ planId: license.planId }, admin)).toMatchObject({ ok: true });
    const actions = (await listAuditEventsPage({ actorLabel: 'admin@example.com' }, { limit: 10, offset: 0 })).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['plan.archive', 'plan.restore', 'license.issue']));
  });

  it('says so when the plan is archived already, and changes nothing', async () => {
    const license = await createTestLicense();
    await setPlanArchived(license.planId, true, admin);
    const before = (await findPlanById(license.planId))?.archivedAt;
    expect(await setPlanArchived(license.planId, true, admin)).toMatchObject({ ok: false, code: 'ERR_CONFLICT', message: 'The plan Test plan is archived already.' });
    expect((await findPlanById(license.planId))?.archivedAt).toEqual(before);
    expect(await setPlanArchived('no-such-plan', true, admin)).toMatchObject({ ok: false, code: 'ERR_NOT_FOUND' });
  });
});
