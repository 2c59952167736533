import { describe, expect, it } from 'vitest';
import { auditFilterFromSearch } from '@/lib/licensing/audit-filter';

describe('the audit filter', () => {
  it('reads both dates as whole UTC days, inclusive', () => {
    expect(auditFilterFromSearch({ from: '2026-11-01', to: '2026-11-01' }).filter).toMatchObject({
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-11-02T00:00:00Z'),
    });
  });

  it('ignores empty and unreadable values and keeps the rest for the pagination links', () => {
    const { filter, params } = auditFilterFromSearch({ actor: ' ann@example.com ', action: '', from: 'yesterday', license: 'L1' });
    expect(filter).toEqual({ actorLabel: 'ann@example.com', action: undefined, licenseId: 'L1', from: undefined, to: undefined });
    expect(params).toEqual({ actor: 'ann@example.com', action: '', license: 'L1', from: '', to: '' });
  });
});
