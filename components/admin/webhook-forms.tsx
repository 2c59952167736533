'use client';

import { useEffect, useRef } from 'react';
import { Field, fieldError, FormMessage, SubmitButton, useActionForm, type AdminAction } from '@/components/admin/form-controls';
import { SecretOnce } from '@/components/admin/secret-once';
import { inputClass } from '@/components/ui/field-styles';

type WithSecret = { ok: true; name: string; token: string; message?: string } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

export function CreateWebhookForm({ action, eventTypes }: { action: AdminAction<WithSecret>; eventTypes: readonly string[] }) {
  const { state, onSubmit, pending } = useActionForm(action);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const eventsError = fieldError(state, 'events');
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" data-testid="create-webhook-form" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="URL" name="url" hint="Where Gatepass POSTs each event, e.g. https://crm.example.com/hooks/gatepass" error={fieldError(state, 'url')}>
          <input id="url" name="url" type="url" autoComplete="off" className={inputClass} />
        </Field>
        <Field label="Description (optional)" name="description" error={fieldError(state, 'description')}>
          <input id="description" name="description" autoComplete="off" className={inputClass} />
        </Field>
      </div>
      <fieldset aria-describedby={eventsError ? 'events-error' : undefined}>
        <legend className="text-sm font-medium text-slate-700">Events</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-4">
          {eventTypes.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" name="events" value={type} defaultChecked className="h-4 w-4 rounded border-slate-400" aria-invalid={Boolean(eventsError)} />
              <code className="font-mono text-xs text-slate-900">{type}</code>
            </label>
          ))}
        </div>
        {eventsError && (
          <p className="mt-1 text-sm text-red-700" id="events-error">
            {eventsError}
          </p>
        )}
      </fieldset>
      {state?.ok ? (
        <SecretOnce secret={state.token} copyLabel="Copy secret" testId={{ box: 'webhook-secret-once', value: 'webhook-secret', copy: 'copy-webhook-secret' }}>
          The signing secret of {state.name}, shown only now: your receiver verifies each delivery with it (Standard Webhooks).
        </SecretOnce>
      ) : (
        <FormMessage state={state} />
      )}
      <SubmitButton pending={pending} testId="create-webhook-submit">
        Add endpoint
      </SubmitButton>
    </form>
  );
}

const SMALL = 'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50';

/** A one-button form (enable, disable, redeliver) with its outcome beside it. */
export function WebhookButton({ action, fields, label, testId }: { action: AdminAction; fields: Record<string, string>; label: string; testId: string }) {
  const { state, onSubmit, pending } = useActionForm(action);
  return (
    <form onSubmit={onSubmit} className="inline-flex flex-col items-start gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={SMALL} disabled={pending} data-testid={testId}>
        {label}
      </button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
