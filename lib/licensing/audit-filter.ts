import type { AuditFilter } from '@/db/queries/audit-log';

export interface AuditSearch {
  actor?: string;
  action?: string;
  license?: string;
  /** `YYYY-MM-DD`, inclusive, UTC. */
  from?: string;
  /** `YYYY-MM-DD`, inclusive, UTC. */
  to?: string;
}

const DAY_MS = 86_400_000;

function day(value: string | undefined): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The audit page's search params as a query filter. Both dates are whole UTC days,
 * inclusive, so "from 1 Nov to 1 Nov" shows that day. Unreadable values are ignored.
 */
export function auditFilterFromSearch(search: AuditSearch): { filter: AuditFilter; params: Record<string, string> } {
  const from = day(search.from);
  const to = day(search.to);
  const filter: AuditFilter = {
    actorLabel: search.actor?.trim() || undefined,
    action: search.action?.trim() || undefined,
    licenseId: search.license?.trim() || undefined,
    from,
    to: to && new Date(to.getTime() + DAY_MS),
  };
  const params = {
    actor: filter.actorLabel ?? '',
    action: filter.action ?? '',
    license: filter.licenseId ?? '',
    from: from ? search.from! : '',
    to: to ? search.to! : '',
  };
  return { filter, params };
}
