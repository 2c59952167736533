import { describe, expect, it } from 'vitest';
import { planSettingsInput } from '@/lib/licensing/catalog-schema';
import { DAY, HOUR } from '@/lib/licensing/durations';
import { durationFormValue, planFormFields, planSettingsFromForm } from '@/lib/licensing/plan-form';
import { describePlanLease, previewPlanLease } from '@/lib/licensing/plan-preview';

function fromForm(fields: Record<string, string>) {
  return planSettingsFromForm(planFormFields.parse({ name: 'Pro', offlineTtl: '10', grace: '3', seatLimit: '2', ...fields }));
}

describe('the plan form', () => {
  it('turns values and units into seconds, features into a list, checkboxes into booleans', () => {
    expect(
      fromForm({ offlineTtlUnit: 'days', graceUnit: 'hours', maxRequested: '12', maxRequestedUnit: 'hours', features: 'export-pdf, sso\nbatch', encryptLicenseFiles: 'on' }),
    ).toEqual({
      name: 'Pro',
      offlineTtlSeconds: 10 * DAY,
      graceSeconds: 3 * HOUR,
      seatLimit: 2,
      maxRequestedDurationSeconds: 12 * HOUR,
      features: ['export-pdf', 'sso', 'batch'],
      encryptLicenseFiles: true,
      reclaimLapsedSeats: false,
    });
  });

  it('leaves limits to the plan schema: an empty or non-numeric value is refused with a message there', () => {
    const parsed = planSettingsInput.safeParse(fromForm({ offlineTtl: 'ten', seatLimit: '' }));
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((issue) => [issue.path[0], issue.message]);
    expect(paths).toContainEqual(['offlineTtlSeconds', 'Enter the offline TTL as a number.']);
    expect(paths).toContainEqual(['seatLimit', 'Enter the number of seats.']);
  });

  it('an empty longest requested lease means none', () => {
    expect(fromForm({ maxRequested: '  ' }).maxRequestedDurationSeconds).toBeNull();
  });

  it('shows stored durations in days when they divide, else hours', () => {
    expect(durationFormValue(45 * DAY)).toEqual({ value: '45', unit: 'days' });
    expect(durationFormValue(36 * HOUR)).toEqual({ value: '36', unit: 'hours' });
  });
});

describe('the plan lease preview', () => {
  const now = new Date('2026-12-14T09:30:00.400Z');

  it('ends the lease exactly one offline TTL after activation, and grace after that', () => {
    expect(previewPlanLease({ offlineTtlSeconds: 10 * DAY, graceSeconds: 3 * DAY }, now)).toEqual({
      leaseEndsAt: new Date('2026-12-24T09:30:00Z'),
      graceEndsAt: new Date('2026-12-27T09:30:00Z'),
    });
  });

  it('handles the edges: a 1-hour TTL and zero grace end at the same second', () => {
    const preview = previewPlanLease({ offlineTtlSeconds: HOUR, graceSeconds: 0 }, now);
    expect(preview.leaseEndsAt).toEqual(new Date('2026-12-14T10:30:00Z'));
    expect(preview.graceEndsAt).toEqual(preview.leaseEndsAt);
  });

  it('says in words what the settings mean for a user', () => {
    expect(describePlanLease({ offlineTtlSeconds: 10 * DAY, graceSeconds: 7 * DAY }, now)).toBe(
      'A machine activated today works offline until 24 Dec 2026, then 7 more days of grace.',
    );
    expect(describePlanLease({ offlineTtlSeconds: 30 * DAY, graceSeconds: DAY }, now)).toMatch(/then 1 more day of grace\.$/);
    expect(describePlanLease({ offlineTtlSeconds: 30 * DAY, graceSeconds: 0 }, now)).toMatch(/with no grace period after it\.$/);
  });
});
