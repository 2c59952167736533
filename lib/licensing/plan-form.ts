import { z } from 'zod';
import { DAY, HOUR } from '@/lib/licensing/durations';

/** The units the plan form offers for durations. */
const DURATION_UNITS = { hours: HOUR, days: DAY } as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

const text = z.string().default('');
const unit = z.enum(['hours', 'days']).catch('days');

/**
 * The plan form as it is posted: strings and checkboxes. It only converts; every
 * limit and message lives in `planSettingsInput`, so the form, the API and the tests
 * meet the same rules. A value that is not a number becomes NaN, which that schema
 * refuses with "Enter ... as a number".
 */
export const planFormFields = z.object({
  name: text,
  offlineTtl: text,
  offlineTtlUnit: unit,
  grace: text,
  graceUnit: unit,
  seatLimit: text,
  maxRequested: text,
  maxRequestedUnit: unit,
  features: text,
  encryptLicenseFiles: z.string().optional(),
  reclaimLapsedSeats: z.string().optional(),
});

function toNumber(value: string): number {
  const trimmed = value.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** `value` `unit`s in whole seconds (NaN stays NaN). */
function durationSeconds(value: string, unitName: DurationUnit): number {
  return Math.round(toNumber(value) * DURATION_UNITS[unitName]);
}

/** "export-pdf, sso" or one per line → ['export-pdf', 'sso']. */
function parseFeatureList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((feature) => feature.trim())
    .filter(Boolean);
}

/** The plan settings a posted form describes, ready for `planSettingsInput`. */
export function planSettingsFromForm(fields: z.output<typeof planFormFields>) {
  return {
    name: fields.name,
    offlineTtlSeconds: durationSeconds(fields.offlineTtl, fields.offlineTtlUnit),
    graceSeconds: durationSeconds(fields.grace, fields.graceUnit),
    seatLimit: toNumber(fields.seatLimit),
    maxRequestedDurationSeconds: fields.maxRequested.trim() === '' ? null : durationSeconds(fields.maxRequested, fields.maxRequestedUnit),
    features: parseFeatureList(fields.features),
    encryptLicenseFiles: fields.encryptLicenseFiles === 'on',
    reclaimLapsedSeats: fields.reclaimLapsedSeats === 'on',
  };
}

/** A stored duration as the form shows it: whole days when it divides, else hours. */
export function durationFormValue(seconds: number): { value: string; unit: DurationUnit } {
  return seconds % DAY === 0 ? { value: String(seconds / DAY), unit: 'days' } : { value: String(seconds / HOUR), unit: 'hours' };
}
