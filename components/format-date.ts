// One way dates read everywhere: day, month and time in UTC, so what support reads
// out on the phone matches what the customer sees, and admins in several time zones
// read the same log.
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "31 Mar 2026, 14:05 UTC"; `empty` when there is no date. */
export function formatDateTime(date: Date | string | null | undefined, empty = '—'): string {
  return date ? `${DATE_TIME.format(new Date(date))} UTC` : empty;
}

/** "31 Mar 2026"; `empty` when there is no date. */
export function formatDate(date: Date | string | null | undefined, empty = '—'): string {
  return date ? DATE.format(new Date(date)) : empty;
}
