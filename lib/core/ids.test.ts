import { describe, expect, it } from 'vitest';
import { timeOrderedId } from '@/lib/core/ids';

describe('timeOrderedId', () => {
  it('is a version 7 UUID whose first 48 bits are the time in milliseconds', () => {
    const id = timeOrderedId(Date.UTC(2026, 10, 25, 12));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 25, 12));
  });

  it('sorts in the order it was made, also within one millisecond', () => {
    const ids = Array.from({ length: 500 }, () => timeOrderedId(1_800_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(500);
    expect(timeOrderedId(1_800_000_000_001) > ids[499]!).toBe(true);
  });
});
