// Staff pages show times in UTC and say so: admins in several time zones read the same log.
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

export function formatDate(date: Date | null | undefined, empty = '—'): string {
  return date ? DATE.format(date) : empty;
}

export function formatDateTime(date: Date | null | undefined, empty = '—'): string {
  return date ? `${DATE_TIME.format(date)} UTC` : empty;
}
