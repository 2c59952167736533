import { describe, expect, it } from 'vitest';
import { seatsFreeSentence } from '@/lib/core/license-words';

describe('seatsFreeSentence', () => {
  it('agrees with the number of free seats, not the seat limit', () => {
    expect(seatsFreeSentence({ seatsUsed: 1, seatLimit: 2 })).toBe('This license has 1 of its 2 seats free.');
    expect(seatsFreeSentence({ seatsUsed: 1, seatLimit: 3 })).toBe('This license has 2 of its 3 seats free.');
  });

  it('says "all" and "only" where a count would read oddly', () => {
    expect(seatsFreeSentence({ seatsUsed: 0, seatLimit: 3 })).toBe('All 3 seats of this license are free.');
    expect(seatsFreeSentence({ seatsUsed: 3, seatLimit: 3 })).toBe('All 3 seats of this license are in use.');
    expect(seatsFreeSentence({ seatsUsed: 0, seatLimit: 1 })).toBe('The only seat of this license is free.');
    expect(seatsFreeSentence({ seatsUsed: 1, seatLimit: 1 })).toBe('The only seat of this license is in use.');
  });
});
