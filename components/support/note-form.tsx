'use client';

import { useActionState, useEffect, useRef } from 'react';
import { addSupportNoteAction } from '@/app/support/actions';
import { FormError } from '@/components/form-error';
import { inputClass } from '@/components/ui/field-styles';

type NoteState = Awaited<ReturnType<typeof addSupportNoteAction>> | undefined;

/** Adds a note; the list beside it is re-rendered by the action's revalidation. */
export function NoteForm({ licenseId }: { licenseId: string }) {
  const form = useRef<HTMLFormElement>(null);
  const [state, action, pending] = useActionState<NoteState, FormData>(addSupportNoteAction, undefined);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const failure = state && !state.ok ? state : undefined;
  return (
    <form ref={form} action={action} className="space-y-2" data-testid="note-form">
      <input type="hidden" name="licenseId" value={licenseId} />
      <label className="block">
        <span className="sr-only">New note</span>
        <textarea
          name="body"
          rows={3}
          required
          maxLength={4000}
          placeholder="What the customer said, what you did, what to watch for"
          className={inputClass}
        />
      </label>
      <FormError message={failure ? (failure.fieldErrors?.body?.[0] ?? failure.message) : null} testId="note-error" />
      <div className="flex justify-end">
        <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-60">
          {pending ? 'Saving…' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
