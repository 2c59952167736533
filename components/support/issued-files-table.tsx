import { formatDateTime } from '@/components/format-date';
import { EmptyState, Section } from '@/components/ui/section';
import type { SupportLicenseDetail } from '@/lib/licensing/support-license-detail';

const KIND_LABELS = { activation: 'Activation', refresh: 'Refresh', reissue: 'Re-issue by support' } as const;

/** Every license file signed for this license (metadata only: the files are not kept). */
export function IssuedFilesTable({ files }: { files: SupportLicenseDetail['files'] }) {
  return (
    <Section title="Issued license files" description="Newest first." testId="issued-files">
      {files.length === 0 ? (
        <EmptyState>No license file has been issued yet.</EmptyState>
      ) : (
        <div className="-mx-5 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-5 py-2">Issued</th>
                <th className="px-3 py-2">Kind</th>
                <th className="px-3 py-2">Device</th>
                <th className="px-3 py-2">Lease ends</th>
                <th className="px-3 py-2">Issued by</th>
                <th className="px-5 py-2">Signing key</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {files.map((file) => (
                <tr key={file.id} data-testid="issued-file">
                  <td className="px-5 py-2 whitespace-nowrap text-slate-700">{formatDateTime(file.issuedAt)}</td>
                  <td className="px-3 py-2">{KIND_LABELS[file.kind]}</td>
                  <td className="px-3 py-2">{file.hostname || '—'}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-slate-700">{formatDateTime(file.leaseEndsAt)}</td>
                  <td className="px-3 py-2 text-slate-700">{file.issuedBy}</td>
                  <td className="px-5 py-2 font-mono text-xs text-slate-500">{file.kid.slice(0, 12)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
