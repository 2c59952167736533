/**
 * What an end user types or sends, validated the same way by the portal's server
 * actions and the REST API (zod; STYLE.md rule 1).
 */
import { z } from 'zod';

/** Keys are 29 characters as printed; generous room for spaces a person pastes along. */
export const licenseKeyField = z
  .string({ error: 'Enter your license key.' })
  .trim()
  .min(1, 'Enter your license key.')
  .max(100, 'That is too long to be a license key. Paste only the key, e.g. 7KQ2M-4D8XR-…');

const seatIdField = z.string({ error: 'Choose a seat.' }).trim().min(1, 'Choose a seat.').max(128, 'That is not a seat id.');

export const licenseLookupInput = z.object({ licenseKey: licenseKeyField });

export const refreshSeatInput = z.object({ licenseKey: licenseKeyField, seatId: seatIdField });

/** The API's JSON names for the same input. */
export const refreshRequestBody = z.object({ license_key: licenseKeyField, seat_id: seatIdField });

/** The first message of a failed parse: one clear sentence for the person. */
export function firstIssueMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'Check what you entered.';
}
