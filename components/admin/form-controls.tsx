'use client';

import { startTransition, useActionState, type FormEvent, type ReactNode } from 'react';

/** What every admin action returns (STYLE.md rule 1). */
export type ActionResult = { ok: true; message?: string } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };
export type ActionState = ActionResult | undefined;
/** A server action made with staffAction, as a client component receives it. */
export type AdminAction<R extends ActionResult = ActionResult> = (previous: unknown, formData: FormData) => Promise<R>;

export function fieldError(state: ActionState, ...names: string[]): string | undefined {
  if (!state || state.ok) return undefined;
  for (const name of names) {
    const message = state.fieldErrors?.[name]?.[0];
    if (message) return message;
  }
  return undefined;
}

/** A labelled control with its hint and, beside it, the server's message for it. */
export function Field({ label, name, hint, error, children }: { label: string; name: string; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {error ? (
        <p className="text-sm text-red-600" data-testid={`error-${name}`} id={`${name}-error`}>
          {error}
        </p>
      ) : (
        hint && <p className="text-xs text-slate-500">{hint}</p>
      )}
    </div>
  );
}

/**
 * Runs a server action from a form's submit event. Unlike `<form action>`, this does
 * not reset the fields afterwards, so a refused form keeps what the admin typed.
 */
export function useActionForm<R extends ActionResult>(action: AdminAction<R>) {
  const [state, dispatch, pending] = useActionState<R | undefined, FormData>(action, undefined);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(formData));
  };
  return { state, onSubmit, pending };
}

export function SubmitButton({
  children,
  pending,
  pendingText,
  variant = 'primary',
  testId,
  name,
  value,
}: {
  children: ReactNode;
  pending: boolean;
  pendingText?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  testId?: string;
  name?: string;
  value?: string;
}) {
  const styles = {
    primary: 'bg-indigo-600 text-white hover:bg-indigo-500',
    secondary: 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-50',
    danger: 'bg-red-600 text-white hover:bg-red-500',
  }[variant];
  return (
    <button type="submit" name={name} value={value} disabled={pending} data-testid={testId} className={`rounded-md px-4 py-2 text-sm font-medium shadow-sm disabled:opacity-60 ${styles}`}>
      {pending ? (pendingText ?? 'Saving…') : children}
    </button>
  );
}

/** The form-level outcome: a success note or the error sentence. */
export function FormMessage({ state, success }: { state: ActionState; success?: string }) {
  if (!state) return null;
  if (state.ok) {
    const text = state.message ?? success;
    return text ? (
      <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="form-success">
        {text}
      </p>
    ) : null;
  }
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="form-error" data-code={state.code}>
      {state.message}
    </p>
  );
}
