import { z } from 'zod';
import type { Plan } from '@/db/schema';
import type { PlanSettingsInput } from '@/lib/licensing/catalog-schema';

/** A plan's settings as the management API takes them (snake_case); the rules are the admin form's. */
const apiPlanSettings = z
  .object({
    name: z.string(),
    offline_ttl_seconds: z.number(),
    grace_seconds: z.number(),
    seat_limit: z.number(),
    max_requested_duration_seconds: z.number().nullable().optional(),
    features: z.array(z.string()).optional(),
    encrypt_license_files: z.boolean().optional(),
    reclaim_lapsed_seats: z.boolean().optional(),
  })
  .strict();

export const apiPlanCreate = apiPlanSettings.extend({ slug: z.string() }).strict();
export const apiPlanPatch = apiPlanSettings.partial().strict();

/** The domain's settings from API fields, each missing one taken from `base` (the plan before a PATCH). */
export function planSettingsFrom(input: z.output<typeof apiPlanPatch>, base?: Plan): PlanSettingsInput {
  return {
    name: input.name ?? base?.name ?? '',
    offlineTtlSeconds: input.offline_ttl_seconds ?? base?.offlineTtlSeconds ?? 0,
    graceSeconds: input.grace_seconds ?? base?.graceSeconds ?? 0,
    seatLimit: input.seat_limit ?? base?.seatLimit ?? 0,
    maxRequestedDurationSeconds: input.max_requested_duration_seconds !== undefined ? input.max_requested_duration_seconds : (base?.maxRequestedDurationSeconds ?? null),
    features: input.features ?? base?.features ?? [],
    encryptLicenseFiles: input.encrypt_license_files ?? base?.encryptLicenseFiles ?? true,
    reclaimLapsedSeats: input.reclaim_lapsed_seats ?? base?.reclaimLapsedSeats ?? true,
  };
}
