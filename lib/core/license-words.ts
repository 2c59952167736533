/**
 * The words every page uses for a license and its seats: the admin, support and public
 * pages, and the domain's messages, say the same thing the same way.
 */

/** A license's state as people read it: `expired` is computed from its expiry, the rest is stored. */
export type LicenseState = 'active' | 'suspended' | 'expired';

export const LICENSE_STATE_LABELS: Record<LicenseState, string> = {
  active: 'Active',
  suspended: 'Suspended',
  expired: 'Expired',
};

/** The label of the seat count, beside {@link seatsInUse}. */
export const SEATS_IN_USE_LABEL = 'Seats in use';

/** "1 of 2": how many of a license's seats machines hold. */
export function seatsInUse({ seatsUsed, seatLimit }: { seatsUsed: number; seatLimit: number }): string {
  return `${seatsUsed} of ${seatLimit}`;
}

/**
 * The sentence after a seat is freed, worded like the activation refusal ("All 2 seats of
 * this license are in use") and with the verb agreeing with what is counted.
 *
 * @example
 * seatsFreeSentence({ seatsUsed: 1, seatLimit: 2 }); // "This license has 1 of its 2 seats free."
 * seatsFreeSentence({ seatsUsed: 0, seatLimit: 1 }); // "The only seat of this license is free."
 */
export function seatsFreeSentence({ seatsUsed, seatLimit }: { seatsUsed: number; seatLimit: number }): string {
  const free = Math.max(0, seatLimit - seatsUsed);
  if (seatLimit === 1) return `The only seat of this license is ${free === 1 ? 'free' : 'in use'}.`;
  if (free === 0) return `All ${seatLimit} seats of this license are in use.`;
  if (free === seatLimit) return `All ${seatLimit} seats of this license are free.`;
  return `This license has ${free} of its ${seatLimit} seats free.`;
}
