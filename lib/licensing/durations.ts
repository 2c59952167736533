export const HOUR = 3600;
export const DAY = 24 * HOUR;
export const YEAR = 365 * DAY;

/** "30 days", "1 day", "12 hours": how durations read on every page. */
export function formatDuration(seconds: number): string {
  if (seconds % DAY === 0) {
    const days = seconds / DAY;
    return `${days} ${days === 1 ? 'day' : 'days'}`;
  }
  if (seconds % HOUR === 0) {
    const hours = seconds / HOUR;
    return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  }
  const minutes = Math.round(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
