// One way dates read on the portal: day, month and time in UTC, so what support
// reads out on the phone matches what the customer sees.
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "31 Mar 2026, 14:05 UTC" */
export function formatDateTime(date: Date | string): string {
  return `${DATE_TIME.format(new Date(date))} UTC`;
}

/** "31 Mar 2026" */
export function formatDate(date: Date | string): string {
  return DATE.format(new Date(date));
}
