import { PortalPage } from '@/components/portal-page';
import { portalPageProps, type PortalPageProps } from '@/lib/portal/page-props';

// Served without Next's client runtime: the page's only script is the islands bundle.
export const config = { runtime: 'nodejs', unstable_runtimeJS: false };
export const getServerSideProps = portalPageProps;

export default function RefreshPage(props: PortalPageProps) {
  return (
    <PortalPage
      {...props}
      title="Refresh"
      heading="Refresh a license file"
      lead="A license file works offline until its lease ends. Enter your license key, choose the machine, and download a file with a new lease. A machine whose lease ran out can be refreshed too, as long as no other machine took its seat."
      island="refresh"
      width="wide"
    >
      <p className="text-sm text-slate-500">You can also upload a new activation request from the same machine on the Activate page: it never takes a second seat.</p>
    </PortalPage>
  );
}
