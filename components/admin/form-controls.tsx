'use client';

import { cloneElement, isValidElement, startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactElement, type ReactNode } from 'react';

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

const CONTROLS = new Set(['input', 'select', 'textarea']);

/**
 * A labelled control with its hint and, beside it, the server's message for it. The
 * control (when it is one input, select or textarea) is described by the message or the
 * hint and marked invalid (`aria-describedby`, `aria-invalid`); composite controls such as
 * DurationInput read `describedBy(name, error)` themselves.
 */
export function Field({ label, name, hint, error, children }: { label: string; name: string; hint?: ReactNode; error?: string; children: ReactNode }) {
  const control =
    isValidElement(children) && typeof children.type === 'string' && CONTROLS.has(children.type)
      ? cloneElement(children as ReactElement<Record<string, unknown>>, { 'aria-describedby': describedBy(name, error, Boolean(hint)), 'aria-invalid': Boolean(error) })
      : children;
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {control}
      {error ? (
        <p className="text-sm text-red-700" data-testid={`error-${name}`} id={`${name}-error`}>
          {error}
        </p>
      ) : (
        hint && (
          <p className="text-xs text-slate-600" id={`${name}-hint`}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}

/** The id of what describes field `name`: its error when it has one, else its hint. */
export function describedBy(name: string, error: string | undefined, hasHint = true): string | undefined {
  return error ? `${name}-error` : hasHint ? `${name}-hint` : undefined;
}

/**
 * Runs a server action from a form's submit event. Unlike `<form action>`, this does
 * not reset the fields afterwards, so a refused form keeps what the admin typed.
 */
export function useActionForm<R extends ActionResult>(action: AdminAction<R>) {
  const [state, dispatch, pending] = useActionState<R | undefined, FormData>(action, undefined);
  const form = useRef<HTMLFormElement | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.current = event.currentTarget;
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(formData));
  };
  // A refused form puts the cursor in the first field the server named.
  useEffect(() => {
    if (state && !state.ok && state.fieldErrors) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
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
    danger: 'bg-red-700 text-white hover:bg-red-800',
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
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="form-error" data-code={state.code}>
      {state.message}
    </p>
  );
}
