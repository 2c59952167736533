import type { Metadata } from 'next';
import { createApiTokenAction, revokeApiTokenAction } from '@/app/admin/api-tokens/actions';
import { CreateApiTokenForm, RevokeApiTokenButton } from '@/components/admin/api-token-forms';
import { PageHeader } from '@/components/admin/page-header';
import { formatDate, formatDateTime } from '@/components/format-date';
import { Section } from '@/components/ui/section';
import { StatusBadge } from '@/components/ui/status-badge';
import { cellClass, Table } from '@/components/ui/table';
import { apiTokenSummaries } from '@/lib/auth/api-tokens';
import { ADMIN_ONLY, requireStaffPage } from '@/lib/auth/staff';

export const metadata: Metadata = { title: 'API tokens' };

async function tokensAsOfNow() {
  return { tokens: await apiTokenSummaries(), now: new Date() };
}

export default async function ApiTokensPage() {
  await requireStaffPage(ADMIN_ONLY, '/admin/api-tokens');
  const { tokens, now } = await tokensAsOfNow();
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let your web shop, CRM or scripts call the management API (docs/API.md) with Authorization: Bearer. Each token can do only what its scopes allow, and the audit log names it."
      />
      {tokens.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-sm text-slate-600" data-testid="no-tokens">
          No tokens yet. Create one below, or on a server with no browser: <code className="font-mono">npm run api-token -- create --name &quot;web shop&quot; --scope licenses:write</code>
        </p>
      ) : (
        <Table head={['Token', 'Scopes', 'Status', 'Last used', { label: 'Actions', hidden: true }]} testId="token-table">
          {tokens.map((token) => {
            const expired = token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime();
            const status = token.revokedAt ? 'revoked' : expired ? 'expired' : 'active';
            return (
              <tr key={token.id} data-testid={`token-row-${token.name}`}>
                <td className={cellClass}>
                  <div className="font-medium text-slate-900">{token.name}</div>
                  <div className="font-mono text-xs text-slate-600">{token.hint}</div>
                </td>
                <td className={`${cellClass} font-mono text-xs`}>{token.scopes.join(' ')}</td>
                <td className={cellClass}>
                  <StatusBadge status={status} testId="token-status" />
                  <div className="mt-1 text-xs text-slate-600">
                    {token.revokedAt ? `revoked ${formatDate(token.revokedAt)}` : token.expiresAt ? `${expired ? 'expired' : 'expires'} ${formatDate(token.expiresAt)}` : 'no expiry'}
                  </div>
                </td>
                <td className={`${cellClass} whitespace-nowrap`} data-testid="token-last-used">
                  {formatDateTime(token.lastUsedAt, 'never')}
                </td>
                <td className={cellClass}>{status === 'revoked' ? null : <RevokeApiTokenButton token={{ id: token.id, name: token.name }} action={revokeApiTokenAction} />}</td>
              </tr>
            );
          })}
        </Table>
      )}
      <Section title="New token" className="mt-8">
        <CreateApiTokenForm action={createApiTokenAction} />
      </Section>
    </>
  );
}
