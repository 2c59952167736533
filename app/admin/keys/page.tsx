import type { Metadata } from 'next';
import { revokeKeyAction, rotateKeyAction } from '@/app/admin/keys/actions';
import { formatDateTime } from '@/components/format-date';
import { RevokeKeyForm, RotateKeyForm } from '@/components/admin/key-forms';
import { PageHeader } from '@/components/admin/page-header';
import { Section } from '@/components/ui/section';
import { StatusBadge } from '@/components/ui/status-badge';
import { cellClass, Table } from '@/components/ui/table';
import { ADMIN_ONLY, requireStaffPage } from '@/lib/auth/staff';
import { productsWithPlans } from '@/lib/licensing/admin-catalog-views';
import { listSigningKeysWithUsage, revocationWarning } from '@/lib/licensing/signing-key-admin';

export const metadata: Metadata = { title: 'Signing keys' };

export default async function SigningKeysPage() {
  await requireStaffPage(ADMIN_ONLY, '/admin/keys');
  const keys = await listSigningKeysWithUsage();
  const active = keys.find((key) => key.status === 'active');
  const products = (await productsWithPlans()).map(({ product }) => product.name);
  return (
    <>
      <PageHeader
        title="Signing keys"
        description={
          <>
            License files are signed with Ed25519 and name their key by <code className="font-mono">kid</code>. Apps verify them against the keys published at{' '}
            <a href="/.well-known/jwks.json" className="text-indigo-700 underline underline-offset-2">
              /.well-known/jwks.json
            </a>
            .
          </>
        }
      />
      <Section title="Rotate" className="mb-6">
        <RotateKeyForm action={rotateKeyAction} activeKid={active?.kid} stillValid={active?.stillValid ?? 0} products={products} />
      </Section>
      <Table head={['Key id (kid)', 'Status', 'Created', 'Files signed', 'Still valid', { label: 'Actions', hidden: true }]} testId="key-table">
        {keys.map((key) => (
          <tr key={key.kid} data-testid={`key-row-${key.kid}`} data-status={key.status}>
            <td className={`${cellClass} min-w-64 font-mono text-xs break-all`}>{key.kid}</td>
            <td className={cellClass}>
              <StatusBadge status={key.status} />
              {key.retiredAt && <div className="mt-1 text-xs text-slate-500">retired {formatDateTime(key.retiredAt)}</div>}
              {key.revokedAt && <div className="mt-1 text-xs text-slate-500">revoked {formatDateTime(key.revokedAt)}</div>}
            </td>
            <td className={`${cellClass} whitespace-nowrap`}>{formatDateTime(key.createdAt)}</td>
            <td className={cellClass}>{key.signed}</td>
            <td className={cellClass} data-testid="still-valid">
              {key.stillValid}
            </td>
            <td className={`${cellClass} w-80`}>
              {key.status === 'active' && <span className="text-xs text-slate-500">Signs new files. Rotate to retire it.</span>}
              {key.status === 'retired' && <RevokeKeyForm kid={key.kid} warning={revocationWarning(key.stillValid)} action={revokeKeyAction} />}
              {key.status === 'revoked' && <span className="text-xs text-slate-500">Not in the JWKS.</span>}
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}
