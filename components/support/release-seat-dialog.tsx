'use client';

import { useActionState, useRef } from 'react';
import { releaseSeatAction } from '@/app/support/actions';
import { FormError } from '@/components/form-error';

type ReleaseState = Awaited<ReturnType<typeof releaseSeatAction>> | undefined;

/**
 * The "Release seat" button and its confirmation: a reason is required, and before
 * confirming the person sees how long the old machine's file keeps working offline
 * (DESIGN.md "Support release ... shows that the old machine's license file stays valid").
 */
export function ReleaseSeatDialog({ licenseId, seatId, hostname, offlineValidity }: { licenseId: string; seatId: string; hostname: string; offlineValidity: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action, pending] = useActionState<ReleaseState, FormData>(releaseSeatAction, undefined);

  // Success navigates away (the action redirects), so only failures come back here.
  const failure = state && !state.ok ? state : undefined;
  const device = hostname || 'this machine';
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="rounded-md border border-red-200 px-2.5 py-1 text-xs font-medium text-red-700 hover:bg-red-50"
      >
        Release seat
      </button>
      <dialog ref={dialog} className="m-auto w-full max-w-lg rounded-xl p-0 text-left whitespace-normal shadow-xl backdrop:bg-slate-900/40" data-testid="release-dialog">
        <form action={action} className="space-y-4 p-6">
          <input type="hidden" name="licenseId" value={licenseId} />
          <input type="hidden" name="seatId" value={seatId} />
          <h2 className="text-lg font-semibold wrap-anywhere text-slate-900">Release the seat of “{device}”?</h2>
          <div className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm wrap-anywhere text-amber-900" role="note" data-testid="release-warning">
            <p className="font-medium">The old machine is not switched off.</p>
            <p className="mt-1">{offlineValidity}</p>
            <p className="mt-1">Releasing frees the seat at once, so another machine can activate.</p>
          </div>
          <label className="block">
            <span className="text-sm font-medium text-slate-700">Reason (kept in the audit log)</span>
            <textarea
              name="reason"
              rows={3}
              required
              minLength={3}
              maxLength={500}
              placeholder="e.g. laptop stolen, reported by the customer on the phone"
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:ring-indigo-500 focus:outline-none"
            />
          </label>
          <FormError message={failure ? (failure.fieldErrors?.reason?.[0] ?? failure.message) : null} testId="release-error" />
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => dialog.current?.close()} className="rounded-md border border-slate-300 px-4 py-2 text-sm text-slate-700 hover:bg-slate-50">
              Cancel
            </button>
            <button type="submit" disabled={pending} className="rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-500 disabled:opacity-60">
              {pending ? 'Releasing…' : 'Release seat'}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
