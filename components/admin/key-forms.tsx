'use client';

import { FormMessage, SubmitButton, useActionForm, type AdminAction } from '@/components/admin/form-controls';
import { ConfirmDialog, DIALOG_BUTTON } from '@/components/ui/confirm-dialog';

/**
 * Rotation asks first, saying what it means for the vendor's applications: files signed so
 * far keep verifying, but files signed from now on verify only in builds that carry the new
 * key set, so every product's next build must ship the new JWKS.
 */
export function RotateKeyForm({ action, activeKid, stillValid, products }: { action: AdminAction; activeKid?: string; stillValid: number; products: string[] }) {
  const { state, onSubmit, pending } = useActionForm(action);
  const apps = products.length === 0 ? 'your applications' : products.length === 1 ? `the ${products[0]} application` : `every application: ${products.join(', ')}`;
  return (
    <div className="space-y-3" data-testid="rotate-form">
      <p className="text-sm text-slate-700">
        Rotation creates a new Ed25519 key that signs every license file from now on. The current key is retired: it stays in the JWKS, so every file it signed keeps
        verifying offline. Ship the new JWKS with your next application build.
      </p>
      <FormMessage state={state} />
      <ConfirmDialog
        trigger={{ label: 'Rotate signing key…', className: DIALOG_BUTTON.primary, testId: 'rotate-open' }}
        title="Rotate the signing key?"
        tone="primary"
        description={
          <>
            <p>A new key signs every license file issued from now on (activations, refreshes and re-issues).</p>
            <p data-testid="rotate-old-files">
              Files already issued stay valid: the current key{activeKid ? <> (<code className="font-mono text-xs break-all">{activeKid}</code>)</> : null} is retired, not
              removed, and its {stillValid === 1 ? '1 file still in use keeps' : `${stillValid} files still in use keep`} verifying offline.
            </p>
            <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900" data-testid="rotate-apps">
              Ship the new key set (<code className="font-mono text-xs">/.well-known/jwks.json</code>) in the next build of {apps}. Until then, installed builds that carry
              only the old key cannot verify files signed with the new one.
            </p>
          </>
        }
        confirmLabel="Rotate signing key"
        pendingLabel="Rotating…"
        pending={pending}
        form={{ onSubmit }}
        result={state}
        testId="rotate-dialog"
      />
    </div>
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
        <input
          type="checkbox"
          name="confirm"
          className="h-4 w-4 rounded border-slate-400"
          aria-invalid={Boolean(confirmError)}
          aria-describedby={confirmError ? `confirm-${kid}-error` : undefined}
        />{' '}
        I understand; revoke this key.
      </label>
      {confirmError && (
        <p className="text-sm text-red-700" id={`confirm-${kid}-error`}>
          {confirmError}
        </p>
      )}
      {!confirmError && <FormMessage state={state} />}
      <SubmitButton pending={pending} variant="danger" testId={`revoke-submit-${kid}`}>
        Revoke
      </SubmitButton>
    </form>
  );
}
