import type { ReactNode } from 'react';
import { formatDateTime } from '@/components/format-date';
import { SeatStateBadge } from '@/components/seat-state-badge';
import { DeviceName } from '@/components/ui/device-name';
import { cellClass, Table } from '@/components/ui/table';
import type { SeatView } from '@/lib/licensing/license-view';

const GONE: ReadonlySet<SeatView['state']> = new Set(['released', 'deactivated']);

/** A seat's row, as a plain element (not a component) so the Table can label its cells for phones. */
function seatRow(seat: SeatView, action?: (seat: SeatView) => ReactNode) {
  // Same-named machines are told apart by the start of their seat id.
  const details = [seat.os, seat.appVersion && `app ${seat.appVersion}`, `seat ${seat.id.slice(0, 8)}`].filter(Boolean).join(' · ');
  return (
    <tr key={seat.id} data-testid="seat-row" data-seat-id={seat.id}>
      <td className={cellClass}>
        <DeviceName name={seat.hostname} fallback="Unnamed machine" className="font-medium text-slate-900" testId="seat-device" />
        <DeviceName name={details} fallback="" className="text-xs text-slate-600" />
      </td>
      <td className={cellClass} data-testid="seat-status">
        <SeatStateBadge state={seat.state} />
      </td>
      <td className={cellClass}>{seat.releasedAt ? '—' : formatDateTime(seat.leaseEndsAt)}</td>
      <td className={`${cellClass} text-slate-600`}>{formatDateTime(seat.activatedAt)}</td>
      {action && <td className={`${cellClass} text-right`}>{action(seat)}</td>}
    </tr>
  );
}

/**
 * The seats of one license: device, status, lease end; `action` adds a last column.
 * Machines holding a seat come first; released and deactivated ones follow under their own heading.
 */
export function SeatTable({ seats, action }: { seats: SeatView[]; action?: (seat: SeatView) => ReactNode }) {
  if (seats.length === 0) {
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600" data-testid="no-seats">
        No machine has been activated with this license yet.
      </p>
    );
  }
  const head = ['Device', 'Status', 'Lease ends', 'Activated', ...(action ? [{ label: 'Action', align: 'right' as const, hidden: true }] : [])];
  const holding = seats.filter((seat) => !GONE.has(seat.state));
  const gone = seats.filter((seat) => GONE.has(seat.state));
  return (
    <Table head={head} testId="seat-table">
      {holding.map((seat) => seatRow(seat, action))}
      {gone.length > 0 && (
        <tr>
          <th colSpan={head.length} scope="rowgroup" className="bg-slate-50 px-4 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            No longer holding a seat
          </th>
        </tr>
      )}
      {gone.map((seat) => seatRow(seat, action))}
    </Table>
  );
}
