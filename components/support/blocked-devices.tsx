'use client';

import { useActionState } from 'react';
import { unblockDeviceAction } from '@/app/support/actions';
import { FormError } from '@/components/form-error';
import { formatDateTime as when } from '@/components/format-date';
import { Section } from '@/components/ui/section';
import type { SupportBlockedDevice } from '@/lib/licensing/support-license-detail';

type UnblockState = Awaited<ReturnType<typeof unblockDeviceAction>> | undefined;

function UnblockButton({ licenseId, blockId }: { licenseId: string; blockId: string }) {
  const [state, action, pending] = useActionState<UnblockState, FormData>(unblockDeviceAction, undefined);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="licenseId" value={licenseId} />
      <input type="hidden" name="blockId" value={blockId} />
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60">
        {pending ? 'Unblocking…' : 'Unblock'}
      </button>
      <FormError message={state && !state.ok ? state.message : null} testId="unblock-error" />
    </form>
  );
}



/** The devices blocked on a license (issue 11): in force first, with who blocked them and why. */
export function BlockedDevices({ licenseId, devices }: { licenseId: string; devices: SupportBlockedDevice[] }) {
  if (devices.length === 0) return null;
  return (
    <Section title="Blocked devices" description="A blocked device cannot activate or refresh on this license; the revocation list in every new file names it." testId="blocked-devices">
      <ul className="divide-y divide-slate-200">
        {devices.map((device) => (
          <li key={device.id} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="blocked-device" data-block-id={device.id}>
            <div className="min-w-0 text-sm">
              <div className="font-medium wrap-anywhere text-slate-900">{device.hostname || 'unnamed machine'}</div>
              <div className="font-mono text-xs text-slate-600" title={device.fingerprint}>
                {device.fingerprint.slice(0, 16)}…
              </div>
              <div className="mt-1 text-xs wrap-anywhere text-slate-600" data-testid="blocked-device-info">
                {device.unblockedAt ? 'Was blocked' : 'Blocked'} {when(device.blockedAt)} by {device.blockedBy}: {device.reason}
                {device.unblockedAt && ` · unblocked ${when(device.unblockedAt)} by ${device.unblockedBy ?? 'someone'}`}
              </div>
            </div>
            {!device.unblockedAt && <UnblockButton licenseId={licenseId} blockId={device.id} />}
          </li>
        ))}
      </ul>
    </Section>
  );
}
