/**
 * How dates read in the support console: in UTC and saying so, because support staff
 * and customers are rarely in the same time zone, and the lease end must match what
 * the machine's license file says to the minute.
 */
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "12 Mar 2026, 14:05": for table cells under a heading that says the times are UTC. */
export function formatShortDateTime(date: Date): string {
  return DATE_TIME.format(date);
}

/** "12 Mar 2026, 14:05 UTC" */
export function formatDateTime(date: Date): string {
  return `${formatShortDateTime(date)} UTC`;
}

/** "12 Mar 2026" */
export function formatDate(date: Date): string {
  return DATE.format(date);
}
