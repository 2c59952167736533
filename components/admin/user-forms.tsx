'use client';

import { Field, fieldError, FormMessage, SubmitButton, useActionForm, type AdminAction } from '@/components/admin/form-controls';
import { inputClass } from '@/components/ui/field-styles';
import { PasswordOnce } from '@/components/admin/password-once';

type WithPassword = { ok: true; email: string; password: string; message?: string } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

export function CreateUserForm({ action }: { action: AdminAction<WithPassword> }) {
  const { state, onSubmit, pending } = useActionForm(action);
  const err = (name: string) => fieldError(state, name);
  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="create-user-form" noValidate>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Email" name="email" error={err('email')}>
          <input id="email" name="email" type="email" className={inputClass} aria-invalid={Boolean(err('email'))} />
        </Field>
        <Field label="Name" name="name" error={err('name')}>
          <input id="name" name="name" className={inputClass} />
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

/** Role, access and password of one user; each button is its own server action. */
export function UserRowActions({ user, isSelf, changeRole, setDisabled, resetPassword }: RowProps) {
  const role = useActionForm(changeRole);
  const access = useActionForm(setDisabled);
  const reset = useActionForm(resetPassword);
  const button = 'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50';
  const message = [role.state, access.state, reset.state].find((s) => s && !s.ok) ?? [role.state, access.state].find((s) => s?.ok);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-end gap-2">
        {!isSelf && (
          <form onSubmit={role.onSubmit} className="flex items-center gap-1">
            <input type="hidden" name="userId" value={user.id} />
            <select name="role" defaultValue={user.role} aria-label={`Role of ${user.email}`} className="rounded-md border border-slate-300 px-2 py-1 text-xs">
              <option value="support">support</option>
              <option value="admin">admin</option>
            </select>
            <button type="submit" className={button} disabled={role.pending} data-testid={`change-role-${user.email}`}>
              Change role
            </button>
          </form>
        )}
        {!isSelf && (
          <form onSubmit={access.onSubmit}>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="disabled" value={String(!user.disabled)} />
            <button type="submit" className={button} disabled={access.pending} data-testid={`toggle-access-${user.email}`}>
              {user.disabled ? 'Enable' : 'Disable'}
            </button>
          </form>
        )}
        <form onSubmit={reset.onSubmit}>
          <input type="hidden" name="userId" value={user.id} />
          <button type="submit" className={button} disabled={reset.pending} data-testid={`reset-password-${user.email}`}>
            Reset password
          </button>
        </form>
      </div>
      {reset.state?.ok && <PasswordOnce email={reset.state.email} password={reset.state.password} />}
      {message && <FormMessage state={message} />}
    </div>
  );
}
