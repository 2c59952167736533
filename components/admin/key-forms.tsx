'use client';

import { FormMessage, SubmitButton, useActionForm, type AdminAction } from '@/components/admin/form-controls';

export function RotateKeyForm({ action }: { action: AdminAction }) {
  const { state, onSubmit, pending } = useActionForm(action);
  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="rotate-form">
      <p className="text-sm text-slate-600">
        Rotation creates a new Ed25519 key that signs every license file from now on. The current key is retired: it stays in the JWKS, so every file it signed keeps
        verifying offline. Ship the new JWKS with your next application build.
      </p>
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingText="Rotating…" testId="rotate-submit">
        Rotate signing key
      </SubmitButton>
    </form>
  );
}

/** Revocation needs a ticked box under the warning that names how many files it breaks. */
export function RevokeKeyForm({ kid, warning, action }: { kid: string; warning: string; action: AdminAction }) {
  const { state, onSubmit, pending } = useActionForm(action);
  const confirmError = state && !state.ok ? state.fieldErrors?.confirm?.[0] : undefined;
  return (
    <form onSubmit={onSubmit} className="space-y-2" data-testid={`revoke-form-${kid}`}>
      <input type="hidden" name="kid" value={kid} />
      <p className="text-sm text-red-800" data-testid="revoke-warning">
        {warning}
      </p>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="confirm" className="h-4 w-4 rounded border-slate-300" /> I understand; revoke this key.
      </label>
      {confirmError && <p className="text-sm text-red-600">{confirmError}</p>}
      {!confirmError && <FormMessage state={state} />}
      <SubmitButton pending={pending} variant="danger" testId={`revoke-submit-${kid}`}>
        Revoke
      </SubmitButton>
    </form>
  );
}
