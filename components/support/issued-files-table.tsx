import { formatDateTime } from '@/components/format-date';
import { DeviceName } from '@/components/ui/device-name';
import { EmptyState, Section } from '@/components/ui/section';
import { cellClass, Table } from '@/components/ui/table';
import type { SupportLicenseDetail } from '@/lib/licensing/support-license-detail';

const KIND_LABELS = { activation: 'Activation', refresh: 'Refresh', reissue: 'Re-issue by support' } as const;

/** Every license file signed for this license (metadata only: the files are not kept). */
export function IssuedFilesTable({ files }: { files: SupportLicenseDetail['files'] }) {
  return (
    <Section title="Issued license files" description="Newest first." testId="issued-files">
      {files.length === 0 ? (
        <EmptyState>No license file has been issued yet.</EmptyState>
      ) : (
        <Table head={['Issued', 'Kind', 'Device', 'Lease ends', 'Issued by', 'Signing key']} frame="inset">
          {files.map((file) => (
            <tr key={file.id} data-testid="issued-file">
              <td className={`${cellClass} whitespace-nowrap`}>{formatDateTime(file.issuedAt)}</td>
              <td className={cellClass}>{KIND_LABELS[file.kind]}</td>
              <td className={cellClass}>
                <DeviceName name={file.hostname} fallback="—" />
              </td>
              <td className={`${cellClass} whitespace-nowrap`}>{formatDateTime(file.leaseEndsAt)}</td>
              <td className={cellClass}>{file.issuedBy}</td>
              <td className={`${cellClass} font-mono text-xs text-slate-500`}>{file.kid.slice(0, 12)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
