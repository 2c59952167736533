import type { Metadata } from 'next';
import { createWebhookAction, redeliverWebhookAction, setWebhookEnabledAction } from '@/app/admin/webhooks/actions';
import { PageHeader } from '@/components/admin/page-header';
import { CreateWebhookForm, WebhookButton } from '@/components/admin/webhook-forms';
import { formatDateTime } from '@/components/format-date';
import { Section } from '@/components/ui/section';
import { StatusBadge } from '@/components/ui/status-badge';
import { cellClass, Table } from '@/components/ui/table';
import { ADMIN_ONLY, requireStaffPage } from '@/lib/auth/staff';
import { WEBHOOK_EVENT_TYPES } from '@/lib/core/enums';
import { webhookEndpointsWithDeliveries } from '@/lib/webhooks/endpoints';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  await requireStaffPage(ADMIN_ONLY, '/admin/webhooks');
  const endpoints = await webhookEndpointsWithDeliveries(20);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Gatepass POSTs each event to these URLs, signed the Standard Webhooks way, in order per license, retrying for about a day (docs/API.md). The last 20 deliveries of each endpoint are below."
      />
      {endpoints.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-sm text-slate-600" data-testid="no-webhooks">
          No endpoints yet. Add one below, or with the management API: POST /api/v1/webhooks.
        </p>
      )}
      {endpoints.map(({ endpoint, deliveries }) => (
        <Section key={endpoint.id} title={endpoint.url} className="mb-6">
          <div className="mb-3 flex flex-wrap items-center gap-3 text-sm text-slate-700" data-testid={`webhook-${endpoint.url}`}>
            <StatusBadge status={endpoint.disabledAt ? 'disabled' : 'enabled'} testId="webhook-status" />
            <span className="font-mono text-xs">{endpoint.events.join(' ')}</span>
            {endpoint.description && <span>{endpoint.description}</span>}
            <WebhookButton
              action={setWebhookEnabledAction}
              fields={{ endpointId: endpoint.id, enabled: endpoint.disabledAt ? 'true' : 'false' }}
              label={endpoint.disabledAt ? 'Enable' : 'Disable'}
              testId={`webhook-toggle-${endpoint.url}`}
            />
          </div>
          {deliveries.length === 0 ? (
            <p className="text-sm text-slate-600">No deliveries yet.</p>
          ) : (
            <Table head={['Event', 'Status', 'Response', 'Attempts', 'Last try / next try', { label: 'Actions', hidden: true }]} testId="delivery-table">
              {deliveries.map((delivery) => (
                <tr key={delivery.eventSeq} data-testid={`delivery-${delivery.messageId}`}>
                  <td className={cellClass}>
                    <div className="font-mono text-xs text-slate-900">{delivery.type}</div>
                    <div className="font-mono text-xs text-slate-600">{delivery.messageId}</div>
                  </td>
                  <td className={cellClass}>
                    <StatusBadge status={delivery.status} testId="delivery-status" />
                  </td>
                  <td className={`${cellClass} text-xs`} data-testid="delivery-response">
                    {delivery.lastStatusCode ?? delivery.lastError ?? '—'}
                  </td>
                  <td className={cellClass}>{delivery.attempts}</td>
                  <td className={`${cellClass} text-xs whitespace-nowrap`}>
                    {formatDateTime(delivery.lastAttemptAt === null ? null : new Date(delivery.lastAttemptAt), 'not yet')}
                    {delivery.status === 'pending' && delivery.attempts > 0 && <div className="text-slate-600">next {formatDateTime(new Date(delivery.nextAttemptAt))}</div>}
                  </td>
                  <td className={cellClass}>
                    {delivery.status !== 'pending' && (
                      <WebhookButton action={redeliverWebhookAction} fields={{ endpointId: endpoint.id, eventSeq: String(delivery.eventSeq) }} label="Redeliver" testId={`redeliver-${delivery.messageId}`} />
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Section>
      ))}
      <Section title="New endpoint" className="mt-8">
        <CreateWebhookForm action={createWebhookAction} eventTypes={WEBHOOK_EVENT_TYPES} />
      </Section>
    </>
  );
}
