import { formatDateTime } from '@/components/format-date';
import { formatDuration } from '@/lib/licensing/durations';

// The audit log stores details as the code wrote them (`offlineTtlSeconds: 31536000`);
// people read them as words ("offline TTL: 365 days").

const LABELS: Record<string, string> = {
  offlineTtlSeconds: 'offline TTL',
  graceSeconds: 'grace period',
  maxRequestedDurationSeconds: 'longest requested lease',
  seatLimit: 'seats per license',
  encryptLicenseFiles: 'encrypt license files',
  reclaimLapsedSeats: 'reclaim lapsed seats',
  leaseEndsAt: 'lease ends',
  expiresAt: 'expires',
  customerEmail: 'customer email',
  customerName: 'customer name',
  productId: 'product id',
  planId: 'plan id',
  seatId: 'seat id',
  kid: 'key id',
};

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** `customerEmail` → "customer email", unless LABELS has better words. */
function label(key: string): string {
  return LABELS[key] ?? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
}

function text(key: string, value: unknown): string {
  if (value === null || value === undefined) return key === 'expiresAt' ? 'never' : key === 'maxRequestedDurationSeconds' ? 'same as the offline TTL' : '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number' && key.endsWith('Seconds')) return formatDuration(value);
  if (typeof value === 'string' && ISO_TIME.test(value)) return formatDateTime(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** An audit event's details as label/value pairs in people's words, in the order they were written. */
export function auditDetailsInWords(details: Record<string, unknown>): Array<{ key: string; label: string; text: string }> {
  return Object.entries(details).map(([key, value]) => ({ key, label: label(key), text: text(key, value) }));
}
