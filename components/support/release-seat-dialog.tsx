'use client';

import { useActionState } from 'react';
import { releaseSeatAction } from '@/app/support/actions';
import { FormError } from '@/components/form-error';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { inputClass } from '@/components/ui/field-styles';

type ReleaseState = Awaited<ReturnType<typeof releaseSeatAction>> | undefined;

/**
 * The "Release seat" button and its confirmation: a reason is required, and before
 * confirming the person sees how long the old machine's file keeps working offline
 * (DESIGN.md "Support release ... shows that the old machine's license file stays valid").
 */
export function ReleaseSeatDialog({
  area,
  licenseId,
  seatId,
  hostname,
  offlineValidity,
  blockOnly = false,
}: {
  /** The console the dialog is on, where the page returns after the release. */
  area: 'admin' | 'support';
  licenseId: string;
  seatId: string;
  hostname: string;
  offlineValidity: string;
  /** The seat is free already: the dialog only blocks the device. */
  blockOnly?: boolean;
}) {
  const [state, action, pending] = useActionState<ReleaseState, FormData>(releaseSeatAction, undefined);

  // Success navigates away (the action redirects), so only failures come back here.
  const failure = state && !state.ok ? state : undefined;
  const reasonError = failure?.fieldErrors?.reason?.[0];
  const device = hostname || 'this machine';
  return (
    <ConfirmDialog
      trigger={{ label: blockOnly ? 'Block device' : 'Release seat', className: 'rounded-md border border-red-300 px-2.5 py-1 text-xs font-medium text-red-800 hover:bg-red-50' }}
      title={blockOnly ? `Block the device “${device}”?` : `Release the seat of “${device}”?`}
      description={
        <div className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 wrap-anywhere text-amber-900" role="note" data-testid="release-warning">
          <p className="font-medium">The old machine is not switched off.</p>
          <p className="mt-1">{offlineValidity}</p>
          {!blockOnly && <p className="mt-1">Releasing frees the seat at once, so another machine can activate.</p>}
          <p className="mt-1">Blocking refuses this device&apos;s activations and refreshes on this license, and every new file carries a revocation list that makes it stop working once installed there.</p>
        </div>
      }
      confirmLabel={blockOnly ? 'Block device' : 'Release seat'}
      pendingLabel={blockOnly ? 'Blocking…' : 'Releasing…'}
      pending={pending}
      form={{ action }}
      error={<FormError message={failure && !reasonError ? failure.message : null} testId="release-error" />}
      testId="release-dialog"
    >
      <input type="hidden" name="area" value={area} />
      <input type="hidden" name="licenseId" value={licenseId} />
      <input type="hidden" name="seatId" value={seatId} />
      {blockOnly ? (
        <input type="hidden" name="block" value="on" />
      ) : (
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input type="checkbox" name="block" value="on" className="mt-1" data-testid="block-device" />
          <span>Also block this device (lost or stolen): it cannot activate or refresh on this license again until unblocked.</span>
        </label>
      )}
      <div>
        <label htmlFor={`reason-${seatId}`} className="text-sm font-medium text-slate-700">
          Reason (kept in the audit log)
        </label>
        <textarea
          id={`reason-${seatId}`}
          name="reason"
          rows={3}
          required
          minLength={3}
          maxLength={500}
          aria-invalid={Boolean(reasonError)}
          aria-describedby={reasonError ? `reason-${seatId}-error` : undefined}
          placeholder="e.g. laptop stolen, reported by the customer on the phone"
          className={`mt-1 ${inputClass}`}
        />
        {reasonError && (
          <p id={`reason-${seatId}-error`} className="mt-1 text-sm text-red-700" data-testid="release-error">
            {reasonError}
          </p>
        )}
      </div>
    </ConfirmDialog>
  );
}
