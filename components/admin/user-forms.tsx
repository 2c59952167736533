'use client';

import { useEffect, useRef, useState } from 'react';
import { Field, fieldError, FormMessage, SubmitButton, useActionForm, type AdminAction } from '@/components/admin/form-controls';
import { PasswordOnce } from '@/components/admin/secret-once';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { inputClass } from '@/components/ui/field-styles';

type WithPassword = { ok: true; email: string; password: string; message?: string } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

export function CreateUserForm({ action }: { action: AdminAction<WithPassword> }) {
  const { state, onSubmit, pending } = useActionForm(action);
  const form = useRef<HTMLFormElement>(null);
  const err = (name: string) => fieldError(state, name);
  // A created user's fields are cleared, so the next user starts from an empty form.
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" data-testid="create-user-form" noValidate>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Email" name="email" error={err('email')}>
          <input id="email" name="email" type="email" autoComplete="off" className={inputClass} />
        </Field>
        <Field label="Name" name="name" error={err('name')}>
          <input id="name" name="name" autoComplete="off" className={inputClass} />
        </Field>
        <Field label="Role" name="role" hint="Support: /support only. Admin: everything." error={err('role')}>
          <select id="role" name="role" defaultValue="support" className={inputClass}>
            <option value="support">support</option>
            <option value="admin">admin</option>
          </select>
        </Field>
      </div>
      {state?.ok ? <PasswordOnce email={state.email} password={state.password} /> : <FormMessage state={state} />}
      <SubmitButton pending={pending} testId="create-user-submit">
        Create user
      </SubmitButton>
    </form>
  );
}

interface RowProps {
  user: { id: string; email: string; role: string; disabled: boolean };
  isSelf: boolean;
  changeRole: AdminAction;
  setDisabled: AdminAction;
  resetPassword: AdminAction<WithPassword>;
}

const ROLE_MEANS: Record<string, string> = {
  admin: 'Admins run the whole dashboard: products, plans, licenses, signing keys, users and the audit log.',
  support: 'Support staff use only the support console: they find licenses, release seats and re-issue files.',
};

const BUTTON = 'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50';

/** Role, access and password of one user; each asks first, then runs its own server action. */
export function UserRowActions({ user, isSelf, changeRole, setDisabled, resetPassword }: RowProps) {
  const role = useActionForm(changeRole);
  const access = useActionForm(setDisabled);
  const reset = useActionForm(resetPassword);
  const [newRole, setNewRole] = useState(user.role);
  const message = [role.state, access.state, reset.state].find((s) => s && !s.ok) ?? [role.state, access.state].find((s) => s?.ok);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 sm:justify-end">
        {!isSelf && (
          <div className="flex items-center gap-1">
            <select
              value={newRole}
              onChange={(event) => setNewRole(event.target.value)}
              aria-label={`Role of ${user.email}`}
              className="rounded-md border border-slate-400 bg-white px-2 py-1 text-xs text-slate-900"
            >
              <option value="support">support</option>
              <option value="admin">admin</option>
            </select>
            <ConfirmDialog
              trigger={{ label: 'Change role…', className: BUTTON, testId: `change-role-${user.email}`, disabled: role.pending || newRole === user.role }}
              title={`Make ${user.email} ${newRole === 'admin' ? 'an admin' : 'support staff'}?`}
              tone="primary"
              description={
                <>
                  <p>{ROLE_MEANS[newRole]}</p>
                  <p>The change applies on their next request; they stay signed in.</p>
                </>
              }
              confirmLabel={`Change role to ${newRole}`}
              pending={role.pending}
              form={{ onSubmit: role.onSubmit }}
              result={role.state}
              testId={`change-role-dialog-${user.email}`}
            >
              <input type="hidden" name="userId" value={user.id} />
              <input type="hidden" name="role" value={newRole} />
            </ConfirmDialog>
          </div>
        )}
        {!isSelf &&
          (user.disabled ? (
            <form onSubmit={access.onSubmit}>
              <input type="hidden" name="userId" value={user.id} />
              <input type="hidden" name="disabled" value="false" />
              <button type="submit" className={BUTTON} disabled={access.pending} data-testid={`toggle-access-${user.email}`}>
                Enable
              </button>
            </form>
          ) : (
            <ConfirmDialog
              trigger={{ label: 'Disable…', className: BUTTON, testId: `toggle-access-${user.email}` }}
              title={`Disable ${user.email}?`}
              description={
                <>
                  <p>They can no longer sign in, and their current session ends on their next request.</p>
                  <p>Nothing they did is undone, and you can enable them again at any time.</p>
                </>
              }
              confirmLabel="Disable user"
              pending={access.pending}
              form={{ onSubmit: access.onSubmit }}
              result={access.state}
              testId={`disable-dialog-${user.email}`}
            >
              <input type="hidden" name="userId" value={user.id} />
              <input type="hidden" name="disabled" value="true" />
            </ConfirmDialog>
          ))}
        <ConfirmDialog
          trigger={{ label: 'Reset password…', className: BUTTON, testId: `reset-password-${user.email}` }}
          title={`Reset the password of ${user.email}?`}
          description={
            <>
              <p>Their current password stops working at once and every session they have open ends{isSelf ? ', including this one' : ''}.</p>
              <p>A new password is shown to you once, here, for you to hand over.</p>
            </>
          }
          confirmLabel="Reset password"
          pending={reset.pending}
          form={{ onSubmit: reset.onSubmit }}
          result={reset.state}
          testId={`reset-dialog-${user.email}`}
        >
          <input type="hidden" name="userId" value={user.id} />
        </ConfirmDialog>
      </div>
      {reset.state?.ok && <PasswordOnce email={reset.state.email} password={reset.state.password} />}
      {message && <FormMessage state={message} />}
    </div>
  );
}
