import { describe, expect, it } from 'vitest';
import { fromWire, toWire } from '@/lib/portal/wire';

describe('portal wire format', () => {
  it('brings dates back as dates, nested and in arrays', () => {
    const at = new Date('2026-11-25T10:00:00.000Z');
    const back = fromWire(toWire({ ok: true, license: { expiresAt: at, seats: [{ leaseEndsAt: at, releasedAt: null }] } })) as {
      license: { expiresAt: Date; seats: Array<{ leaseEndsAt: Date; releasedAt: null }> };
    };
    expect(back.license.expiresAt).toBeInstanceOf(Date);
    expect(back.license.expiresAt.getTime()).toBe(at.getTime());
    expect(back.license.seats[0]!.leaseEndsAt).toBeInstanceOf(Date);
    expect(back.license.seats[0]!.releasedAt).toBeNull();
  });

  it('keeps a string that looks like a time a string (a host name a machine chose)', () => {
    const back = fromWire(toWire({ hostname: '2026-11-25T10:00:00.000Z', note: '{"$date":"x"}' })) as { hostname: unknown; note: unknown };
    expect(back.hostname).toBe('2026-11-25T10:00:00.000Z');
    expect(back.note).toBe('{"$date":"x"}');
  });
});
