import { auditDetailsInWords } from '@/components/admin/audit-details';
import { formatDateTime } from '@/components/format-date';
import { EmptyState, Section } from '@/components/ui/section';
import type { AuditEvent } from '@/db/schema';

/** Detail fields worth a support person's eye, in the order they read. */
const SHOWN_DETAILS = ['reason', 'hostname', 'leaseEndsAt', 'usage', 'plan', 'customerEmail'] as const;

/** The shown details in the admin audit log's words ("lease ends: 25 Dec 2026, 13:34 UTC"). */
function detailText(details: Record<string, unknown>): string {
  const shown = Object.fromEntries(SHOWN_DETAILS.filter((key) => details[key] !== undefined && details[key] !== null && details[key] !== '').map((key) => [key, details[key]]));
  return auditDetailsInWords(shown)
    .map(({ label, text }) => `${label}: ${text}`)
    .join(' · ');
}

/** The license's own audit trail, newest first: who did what, when, from where. */
export function AuditTrail({ events }: { events: AuditEvent[] }) {
  return (
    <Section title="Audit trail" description="Newest first." testId="audit-trail">
      {events.length === 0 ? (
        <EmptyState>Nothing recorded yet.</EmptyState>
      ) : (
        <ol className="divide-y divide-slate-100 text-sm">
          {events.map((event) => (
            <li key={event.id} className="py-2" data-testid="audit-event">
              <div>
                <span className="font-mono text-xs font-medium text-indigo-700">{event.action}</span>{' '}
                <span className="text-slate-700">by {event.actorLabel}</span>
              </div>
              <div className="text-xs text-slate-600">
                <time dateTime={event.at.toISOString()}>{formatDateTime(event.at)}</time>
                {event.ip && event.ip !== 'unknown' && ` · from ${event.ip}`}
              </div>
              {detailText(event.details) && <p className="mt-0.5 text-xs wrap-anywhere text-slate-600">{detailText(event.details)}</p>}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
