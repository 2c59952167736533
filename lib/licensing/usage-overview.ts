import 'server-only';
import { listSeatCountsSince } from '@/db/queries/seat-counts';
import { countLicensesByStatus, countSeatsInUse, listLicensesExpiringBetween } from '@/db/queries/usage-stats';
import { DAY } from '@/lib/licensing/durations';

export interface DailyActivity {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  activations: number;
  deactivations: number;
}

/** The date ranges the overview offers, in days ending today; 30 unless another is chosen. */
export const OVERVIEW_RANGES = [7, 30, 90] as const;
export type OverviewDays = (typeof OVERVIEW_RANGES)[number];
const DEFAULT_DAYS: OverviewDays = 30;
export const NEAR_EXPIRY_DAYS = 30;

/** The range a `?days=` parameter names: one of {@link OVERVIEW_RANGES}, else 30. */
export function overviewDaysOf(param: string | undefined): OverviewDays {
  return OVERVIEW_RANGES.find((days) => String(days) === param) ?? DEFAULT_DAYS;
}

/** The last `days` UTC days ending today, oldest first, each with its counts (0 when none). */
export function dailySeries(now: Date, days: number, activations: Map<string, number>, deactivations: Map<string, number>): DailyActivity[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(today - (days - 1 - i) * DAY * 1000).toISOString().slice(0, 10);
    return { day, activations: activations.get(day) ?? 0, deactivations: deactivations.get(day) ?? 0 };
  });
}

/** Everything the admin overview shows, read at `now`, with activity over the last `days` UTC days. */
export async function usageOverview(now = new Date(), days: OverviewDays = DEFAULT_DAYS) {
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * DAY * 1000);
  const [counts, seats, licenses, nearExpiry] = await Promise.all([
    listSeatCountsSince(since),
    countSeatsInUse(now),
    countLicensesByStatus(),
    listLicensesExpiringBetween(now, new Date(now.getTime() + NEAR_EXPIRY_DAYS * DAY * 1000), 20),
  ]);
  // Deactivations are the machines' own; seats freed by support or reclaimed are not counted here.
  const series = dailySeries(
    now,
    days,
    new Map(counts.map((row) => [row.day, row.activated])),
    new Map(counts.map((row) => [row.day, row.deactivated])),
  );
  return {
    seats,
    licenses,
    series,
    totals: {
      activations: series.reduce((sum, d) => sum + d.activations, 0),
      deactivations: series.reduce((sum, d) => sum + d.deactivations, 0),
    },
    nearExpiry,
  };
}
