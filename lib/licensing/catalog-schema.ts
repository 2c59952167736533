/**
 * The catalog's input rules, shared by the server and the plan form's live preview
 * (no database here, so client components may import it).
 */
import { z } from 'zod';
import { DAY, HOUR, YEAR } from '@/lib/licensing/durations';

const slug = z
  .string()
  .trim()
  .min(2, 'Use at least 2 characters.')
  .max(64, 'Use at most 64 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes, e.g. "acme-studio".');

export const productInput = z.object({
  slug,
  name: z.string().trim().min(1, 'Give the product a name.').max(120),
  description: z.string().trim().max(2000).default(''),
});
export type ProductInput = z.input<typeof productInput>;

const wholeNumber = (what: string) => z.number({ error: `Enter ${what} as a number.` }).int(`Enter ${what} as a whole number of seconds.`);

/** The settings of a plan that can change after it is created (slug and product cannot). */
export const planSettingsInput = z.object({
  name: z.string().trim().min(1, 'Give the plan a name.').max(120),
  offlineTtlSeconds: wholeNumber('the offline TTL')
    .min(HOUR, 'The offline TTL must be at least 1 hour.')
    .max(10 * YEAR, 'The offline TTL can be at most 10 years.'),
  graceSeconds: wholeNumber('the grace period').min(0, 'Grace cannot be negative.').max(365 * DAY, 'Grace can be at most 365 days.'),
  seatLimit: z
    .number({ error: 'Enter the number of seats.' })
    .int('Seats must be a whole number.')
    .min(1, 'A plan needs at least 1 seat.')
    .max(100_000, 'At most 100,000 seats.'),
  maxRequestedDurationSeconds: wholeNumber('the longest requested lease')
    .min(HOUR, 'The longest requested lease must be at least 1 hour.')
    .max(10 * YEAR, 'The longest requested lease can be at most 10 years.')
    .nullable()
    .default(null),
  features: z
    .array(z.string().trim().min(1).max(64, 'Each feature name can be at most 64 characters.').regex(/^[A-Za-z0-9._:-]+$/, 'Feature names use letters, digits, ".", "_", ":" and "-" (no spaces).'))
    .max(100, 'At most 100 features.')
    .refine((list) => new Set(list).size === list.length, 'List each feature once.')
    .default([]),
  encryptLicenseFiles: z.boolean().default(true),
  reclaimLapsedSeats: z.boolean().default(true),
});
export type PlanSettingsInput = z.input<typeof planSettingsInput>;

/** Plan limits from issue 5: TTL 1 hour to 10 years, grace 0 to 365 days, at least 1 seat. */
export const planInput = planSettingsInput.extend({ productId: z.string().min(1), slug });
export type PlanInput = z.input<typeof planInput>;

export const productUpdateInput = productInput.omit({ slug: true });
export type ProductUpdateInput = z.input<typeof productUpdateInput>;
