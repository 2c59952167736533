'use client';

import { Field, fieldError, FormMessage, SubmitButton, useActionForm, type AdminAction } from '@/components/admin/form-controls';
import { inputClass } from '@/components/ui/field-styles';

interface Props {
  licenseId: string;
  status: 'active' | 'suspended';
  expiresOn: string;
  suspend: AdminAction;
  reinstate: AdminAction;
  changeExpiry: AdminAction;
}

function SuspendForm({ licenseId, action }: { licenseId: string; action: AdminAction }) {
  const { state, onSubmit, pending } = useActionForm(action);
  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="suspend-form" noValidate>
      <input type="hidden" name="licenseId" value={licenseId} />
      <Field label="Reason for suspending" name="reason" hint="Shown to the customer when the portal refuses them, and kept in the audit log." error={fieldError(state, 'reason')}>
        <input id="reason" name="reason" className={inputClass} aria-invalid={Boolean(fieldError(state, 'reason'))} />
      </Field>
      <FormMessage state={state} />
      <SubmitButton pending={pending} variant="danger" testId="suspend-submit">
        Suspend license
      </SubmitButton>
    </form>
  );
}

function ReinstateForm({ licenseId, action }: { licenseId: string; action: AdminAction }) {
  const { state, onSubmit, pending } = useActionForm(action);
  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="reinstate-form">
      <input type="hidden" name="licenseId" value={licenseId} />
      <p className="text-sm text-slate-600">Reinstating lets the customer activate and refresh machines again.</p>
      <FormMessage state={state} />
      <SubmitButton pending={pending} testId="reinstate-submit">
        Reinstate license
      </SubmitButton>
    </form>
  );
}

function ExpiryForm({ licenseId, expiresOn, action }: { licenseId: string; expiresOn: string; action: AdminAction }) {
  const { state, onSubmit, pending } = useActionForm(action);
  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="expiry-form" noValidate>
      <input type="hidden" name="licenseId" value={licenseId} />
      <Field label="Expires on" name="expiresOn" hint="Works through the end of this day (UTC). Files issued from now on never lease past it." error={fieldError(state, 'expiresAt')}>
        <input id="expiresOn" name="expiresOn" type="date" defaultValue={expiresOn} className={inputClass} aria-invalid={Boolean(fieldError(state, 'expiresAt'))} />
      </Field>
      <FormMessage state={state} />
      <div className="flex gap-2">
        <SubmitButton pending={pending} name="intent" value="set" testId="expiry-submit">
          Set expiry
        </SubmitButton>
        {expiresOn && (
          <SubmitButton pending={pending} name="intent" value="remove" variant="secondary" testId="expiry-remove">
            Never expire
          </SubmitButton>
        )}
      </div>
    </form>
  );
}

/** The admin's changes to one license: suspend or reinstate, and its expiry. */
export function LicenseActions({ licenseId, status, expiresOn, suspend, reinstate, changeExpiry }: Props) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      {status === 'active' ? <SuspendForm licenseId={licenseId} action={suspend} /> : <ReinstateForm licenseId={licenseId} action={reinstate} />}
      <ExpiryForm licenseId={licenseId} expiresOn={expiresOn} action={changeExpiry} />
    </div>
  );
}
