import { PortalPage } from '@/components/portal-page';
import { portalPageProps, type PortalPageProps } from '@/lib/portal/page-props';

// Served without Next's client runtime: the page's only script is the islands bundle.
export const config = { runtime: 'nodejs', unstable_runtimeJS: false };
export const getServerSideProps = portalPageProps;

/**
 * The signed revocation list for offline machines (issue 11): blocked devices and suspended
 * licenses as salted hashes, naming no customer. Every license file carries it too.
 */
export default function RevocationsPage(props: PortalPageProps) {
  return (
    <PortalPage
      {...props}
      title="Revocation list"
      heading="Revocation list"
      lead="Machines reported lost or stolen, and suspended licenses, stop working offline once this list is installed on them. Every license file the portal issues carries the current list; this page serves it on its own, for machines that get no new file."
      island="revocations"
      width="wide"
    >
      <a href="/api/v1/revocations" download className="inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500" data-testid="download-revocations">
        Download the revocation list
      </a>
      <p className="text-sm text-slate-600">
        Install it on a machine with <code className="rounded bg-slate-100 px-1">gatepass revocations install FILE</code>, or in the application. A machine keeps the
        newest list it has seen and refuses an older one.
      </p>
    </PortalPage>
  );
}
