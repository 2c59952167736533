'use client';

import { useEffect, useRef } from 'react';
import { Field, fieldError, FormMessage, SubmitButton, useActionForm, type AdminAction } from '@/components/admin/form-controls';
import { SecretOnce } from '@/components/admin/secret-once';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { inputClass } from '@/components/ui/field-styles';

type WithToken = { ok: true; name: string; token: string; message?: string } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

/** What each scope lets a token do, in the words the form shows. */
const SCOPES: Array<{ scope: string; means: string }> = [
  { scope: 'licenses:read', means: 'read licenses and their seats' },
  { scope: 'licenses:write', means: 'issue licenses, suspend, reinstate, change expiry and customer' },
  { scope: 'seats:write', means: 'release seats' },
  { scope: 'products:read', means: 'read products and plans' },
  { scope: 'products:write', means: 'create and change products and plans' },
  { scope: 'webhooks:write', means: 'register webhook endpoints' },
  { scope: 'audit:read', means: 'read the audit log' },
];

export function CreateApiTokenForm({ action }: { action: AdminAction<WithToken> }) {
  const { state, onSubmit, pending } = useActionForm(action);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const scopesError = fieldError(state, 'scopes');
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" data-testid="create-token-form" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" hint='What uses it, e.g. "web shop". The audit log names the token.' error={fieldError(state, 'name')}>
          <input id="name" name="name" autoComplete="off" className={inputClass} />
        </Field>
        <Field label="Expires after (optional)" name="expiresAt" hint="Leave empty for a token that works until revoked." error={fieldError(state, 'expiresAt')}>
          <input id="expiresAt" name="expiresAt" type="date" className={inputClass} />
        </Field>
      </div>
      <fieldset aria-describedby={scopesError ? 'scopes-error' : undefined}>
        <legend className="text-sm font-medium text-slate-700">Scopes</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {SCOPES.map(({ scope, means }) => (
            <label key={scope} className="flex items-start gap-2 text-sm text-slate-700">
              <input type="checkbox" name="scopes" value={scope} className="mt-0.5 h-4 w-4 rounded border-slate-400" aria-invalid={Boolean(scopesError)} data-testid={`scope-${scope}`} />
              <span>
                <code className="font-mono text-xs text-slate-900">{scope}</code> <span className="text-slate-600">{means}</span>
              </span>
            </label>
          ))}
        </div>
        {scopesError && (
          <p className="mt-1 text-sm text-red-700" id="scopes-error" data-testid="error-scopes">
            {scopesError}
          </p>
        )}
      </fieldset>
      {state?.ok ? (
        <SecretOnce secret={state.token} copyLabel="Copy token" testId={{ box: 'token-once', value: 'new-token', copy: 'copy-token' }}>
          The token <strong>{state.name}</strong>, shown only now: store it in your backend&apos;s secrets. Gatepass keeps only its hash.
        </SecretOnce>
      ) : (
        <FormMessage state={state} />
      )}
      <SubmitButton pending={pending} testId="create-token-submit">
        Create token
      </SubmitButton>
    </form>
  );
}

export function RevokeApiTokenButton({ token, action }: { token: { id: string; name: string }; action: AdminAction }) {
  const { state, onSubmit, pending } = useActionForm(action);
  return (
    <div className="space-y-1">
      <ConfirmDialog
        trigger={{ label: 'Revoke…', className: 'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50', testId: `revoke-token-${token.name}` }}
        title={`Revoke the token "${token.name}"?`}
        description={
          <>
            <p>Every call made with it is refused from now on (401). Whatever uses it stops working until it gets a new token.</p>
            <p>What it did stays in the audit log.</p>
          </>
        }
        confirmLabel="Revoke token"
        pending={pending}
        form={{ onSubmit }}
        result={state}
        testId={`revoke-token-dialog-${token.name}`}
      >
        <input type="hidden" name="tokenId" value={token.id} />
      </ConfirmDialog>
      <FormMessage state={state} />
    </div>
  );
}
