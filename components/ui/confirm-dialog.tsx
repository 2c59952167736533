'use client';

import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

export const DIALOG_BUTTON = {
  cancel: 'rounded-md border border-slate-300 bg-white px-4 py-2 text-sm text-slate-700 hover:bg-slate-50',
  danger: 'rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60',
  primary: 'rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-60',
} as const;

interface ConfirmDialogProps {
  /** The button that opens the dialog, and its look. */
  trigger: { label: ReactNode; className: string; testId?: string; disabled?: boolean };
  /** A question naming the thing acted on: "Disable ada@example.com?" */
  title: ReactNode;
  /** What will happen, in words; the dialog's description for screen readers. */
  description: ReactNode;
  /** Hidden inputs and fields the confirmed form sends. */
  children?: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  pending: boolean;
  tone?: 'danger' | 'primary';
  /** The form's server action (`useActionState`) or submit handler (`useActionForm`). */
  form: { action: (formData: FormData) => void } | { onSubmit: (event: FormEvent<HTMLFormElement>) => void };
  /**
   * The action's last result: when one arrives the dialog closes and the page shows it beside
   * the button. Leave it out to keep the dialog open (the release dialog shows its failures
   * inside, and navigates away on success).
   */
  result?: { ok: boolean };
  /** Shown under the fields while the dialog is open (the failure sentence). */
  error?: ReactNode;
  testId?: string;
}

/**
 * The one confirmation dialog: a button, then a modal (native `<dialog>`: focus is trapped
 * and returns to the button on close, Escape cancels) that says what will happen before a
 * destructive or hard-to-undo action runs. Named by its title, described by its text.
 * The first field takes focus; with none, Cancel does (it comes before the confirm button),
 * so Enter never confirms by accident.
 *
 * @example
 * <ConfirmDialog trigger={{ label: 'Disable', className: button }} title={`Disable ${email}?`} description="They are signed out on their next request."
 *   confirmLabel="Disable user" pending={pending} form={{ onSubmit }} result={state}>
 *   <input type="hidden" name="userId" value={id} />
 * </ConfirmDialog>
 */
export function ConfirmDialog({ trigger, title, description, children, confirmLabel, pendingLabel, pending, tone = 'danger', form, result, error, testId }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    if (result) dialog.current?.close();
  }, [result]);

  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} className={trigger.className} data-testid={trigger.testId} disabled={trigger.disabled}>
        {trigger.label}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-xl bg-white p-0 text-left whitespace-normal text-slate-900 shadow-xl backdrop:bg-slate-900/50"
        data-testid={testId}
      >
        <form {...form} className="space-y-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold wrap-anywhere text-slate-900">
            {title}
          </h2>
          <div id={descriptionId} className="space-y-2 text-sm text-slate-700">
            {description}
          </div>
          {children}
          {error}
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" onClick={() => dialog.current?.close()} className={DIALOG_BUTTON.cancel}>
              Cancel
            </button>
            <button type="submit" disabled={pending} className={DIALOG_BUTTON[tone]}>
              {pending ? (pendingLabel ?? `${confirmLabel}…`) : confirmLabel}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

