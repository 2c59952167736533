'use client';

import { useState, type FormEvent } from 'react';
import { describedBy, Field, fieldError, FormMessage, SubmitButton, useActionForm, type AdminAction } from '@/components/admin/form-controls';
import { inputClass } from '@/components/ui/field-styles';
import { planSettingsInput } from '@/lib/licensing/catalog-schema';
import { durationFormValue, planFormFields, planSettingsFromForm, type DurationUnit } from '@/lib/licensing/plan-form';
import { describePlanLease } from '@/lib/licensing/plan-preview';

export interface PlanFormValues {
  name: string;
  offlineTtlSeconds: number;
  graceSeconds: number;
  seatLimit: number;
  maxRequestedDurationSeconds: number | null;
  features: string[];
  encryptLicenseFiles: boolean;
  reclaimLapsedSeats: boolean;
}

function explain(form: HTMLFormElement): string {
  const fields = planFormFields.safeParse(Object.fromEntries(new FormData(form).entries()));
  if (!fields.success) return '';
  const settings = planSettingsInput.safeParse(planSettingsFromForm(fields.data));
  if (!settings.success) return 'Enter a valid offline TTL and grace period to see what they mean for a user.';
  return describePlanLease(settings.data, new Date());
}

/** A number and its unit. The unit select is labelled after the field ("Offline TTL unit"). */
function DurationInput({ name, label, seconds, error, placeholder }: { name: string; label: string; seconds: number | null; error?: string; placeholder?: string }) {
  const initial = seconds === null ? { value: '', unit: 'days' as DurationUnit } : durationFormValue(seconds);
  return (
    <div className="flex gap-2">
      <input
        id={name}
        name={name}
        inputMode="decimal"
        defaultValue={initial.value}
        placeholder={placeholder}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy(name, error)}
        className={inputClass}
      />
      <select name={`${name}Unit`} aria-label={`${label} unit`} defaultValue={initial.unit} className={`${inputClass} w-28`}>
        <option value="hours">hours</option>
        <option value="days">days</option>
      </select>
    </div>
  );
}

/**
 * Creates or edits a plan. The explanation under the durations updates as the admin
 * types, from the same schema and preview the server uses.
 */
export function PlanForm({ action, hidden, values, isNew }: { action: AdminAction; hidden: Record<string, string>; values: PlanFormValues; isNew: boolean }) {
  const { state, onSubmit, pending } = useActionForm(action);
  const [explanation, setExplanation] = useState(() => describePlanLease(values, new Date()));
  const err = (...names: string[]) => fieldError(state, ...names);
  const onInput = (event: FormEvent<HTMLFormElement>) => setExplanation(explain(event.currentTarget));
  return (
    <form onSubmit={onSubmit} onInput={onInput} className="space-y-5" data-testid="plan-form" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Name" name="name" error={err('name')}>
          <input id="name" name="name" defaultValue={values.name} aria-invalid={Boolean(err('name'))} className={inputClass} />
        </Field>
        {isNew && (
          <Field label="Slug" name="slug" hint="Carried in license files; cannot change later. e.g. professional" error={err('slug')}>
            <input id="slug" name="slug" className={`${inputClass} font-mono`} aria-invalid={Boolean(err('slug'))} />
          </Field>
        )}
        <Field label="Offline TTL" name="offlineTtl" hint="How long a license file works without a refresh: 1 hour to 10 years." error={err('offlineTtlSeconds')}>
          <DurationInput name="offlineTtl" label="Offline TTL" seconds={values.offlineTtlSeconds} error={err('offlineTtlSeconds')} />
        </Field>
        <Field label="Grace period" name="grace" hint="Extra time after the lease ends: 0 to 365 days." error={err('graceSeconds')}>
          <DurationInput name="grace" label="Grace period" seconds={values.graceSeconds} error={err('graceSeconds')} />
        </Field>
        <Field label="Seats per license" name="seatLimit" hint="Machines that may hold the license at once; at least 1." error={err('seatLimit')}>
          <input id="seatLimit" name="seatLimit" inputMode="numeric" defaultValue={values.seatLimit} aria-invalid={Boolean(err('seatLimit'))} className={inputClass} />
        </Field>
        <Field label="Longest requested lease" name="maxRequested" hint="Cap on a lease an app asks for; empty means the offline TTL." error={err('maxRequestedDurationSeconds')}>
          <DurationInput name="maxRequested" label="Longest requested lease" seconds={values.maxRequestedDurationSeconds} placeholder="same as TTL" error={err('maxRequestedDurationSeconds')} />
        </Field>
      </div>
      <p className="rounded-lg border border-indigo-100 bg-indigo-50 px-4 py-3 text-sm text-indigo-900" data-testid="plan-explanation" aria-live="polite">
        {explanation}
      </p>
      <Field label="Features / entitlements" name="features" hint="Comma or one per line, e.g. export-pdf, sso. Signed into every license file." error={err('features')}>
        <textarea id="features" name="features" rows={2} defaultValue={values.features.join(', ')} className={`${inputClass} font-mono`} aria-invalid={Boolean(err('features'))} />
      </Field>
      <fieldset className="space-y-3">
        <label className="flex items-start gap-3 text-sm">
          <input type="checkbox" name="encryptLicenseFiles" defaultChecked={values.encryptLicenseFiles} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
          <span>
            <span className="font-medium text-slate-800">Encrypt license files</span>
            <span className="block text-slate-600">The claims can only be read on the machine they were issued to (recommended).</span>
          </span>
        </label>
        <label className="flex items-start gap-3 text-sm">
          <input type="checkbox" name="reclaimLapsedSeats" defaultChecked={values.reclaimLapsedSeats} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
          <span>
            <span className="font-medium text-slate-800">Reclaim lapsed seats</span>
            <span className="block text-slate-600">A seat whose lease and grace have ended may be taken by another machine when all seats are in use.</span>
          </span>
        </label>
      </fieldset>
      <p className="text-sm text-slate-600" data-testid="plan-changes-note">
        Changes apply to license files issued from now on. Files already issued keep the lease, grace and features they were signed with until they are refreshed.
      </p>
      <FormMessage state={state} />
      <SubmitButton pending={pending} testId="plan-submit">
        {isNew ? 'Create plan' : 'Save plan'}
      </SubmitButton>
    </form>
  );
}
