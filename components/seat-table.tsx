import type { ReactNode } from 'react';
import { formatDateTime } from '@/components/format-date';
import { SeatStateBadge } from '@/components/seat-state-badge';
import type { SeatView } from '@/lib/licensing/license-view';

/** The seats of one license: device, status, lease end; `action` adds a last column. */
export function SeatTable({ seats, action }: { seats: SeatView[]; action?: (seat: SeatView) => ReactNode }) {
  if (seats.length === 0) {
    return <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600" data-testid="no-seats">No machine has been activated with this license yet.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="seat-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">Device</th>
            <th scope="col" className="px-4 py-2">Status</th>
            <th scope="col" className="px-4 py-2">Lease ends</th>
            <th scope="col" className="px-4 py-2">Activated</th>
            {action && <th scope="col" className="px-4 py-2"><span className="sr-only">Action</span></th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {seats.map((seat) => (
            <tr key={seat.id} data-testid="seat-row" data-seat-id={seat.id}>
              <td className="px-4 py-2">
                <div className="font-medium text-slate-900" data-testid="seat-device">{seat.hostname || 'Unnamed machine'}</div>
                <div className="text-xs text-slate-500">{[seat.os, seat.appVersion && `app ${seat.appVersion}`].filter(Boolean).join(' · ')}</div>
              </td>
              <td className="px-4 py-2" data-testid="seat-status">
                <SeatStateBadge state={seat.state} />
              </td>
              <td className="px-4 py-2 text-slate-700">{seat.releasedAt ? '—' : formatDateTime(seat.leaseEndsAt)}</td>
              <td className="px-4 py-2 text-slate-500">{formatDateTime(seat.activatedAt)}</td>
              {action && <td className="px-4 py-2 text-right">{action(seat)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
