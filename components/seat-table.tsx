import type { ReactNode } from 'react';
import { formatDateTime } from '@/components/format-date';
import { SeatStateBadge } from '@/components/seat-state-badge';
import { DeviceName } from '@/components/ui/device-name';
import { cellClass, Table } from '@/components/ui/table';
import type { SeatView } from '@/lib/licensing/license-view';

/** The seats of one license: device, status, lease end; `action` adds a last column. */
export function SeatTable({ seats, action }: { seats: SeatView[]; action?: (seat: SeatView) => ReactNode }) {
  if (seats.length === 0) {
    return <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600" data-testid="no-seats">No machine has been activated with this license yet.</p>;
  }
  const head = ['Device', 'Status', 'Lease ends', 'Activated', ...(action ? [<span key="action" className="sr-only">Action</span>] : [])];
  return (
    <Table head={head} testId="seat-table">
      {seats.map((seat) => (
        <tr key={seat.id} data-testid="seat-row" data-seat-id={seat.id}>
          <td className={cellClass}>
            <DeviceName name={seat.hostname} fallback="Unnamed machine" className="font-medium text-slate-900" testId="seat-device" />
            <DeviceName name={[seat.os, seat.appVersion && `app ${seat.appVersion}`].filter(Boolean).join(' · ')} fallback="" className="text-xs text-slate-500" />
          </td>
          <td className={cellClass} data-testid="seat-status">
            <SeatStateBadge state={seat.state} />
          </td>
          <td className={cellClass}>{seat.releasedAt ? '—' : formatDateTime(seat.leaseEndsAt)}</td>
          <td className={`${cellClass} text-slate-500`}>{formatDateTime(seat.activatedAt)}</td>
          {action && <td className={`${cellClass} text-right`}>{action(seat)}</td>}
        </tr>
      ))}
    </Table>
  );
}
