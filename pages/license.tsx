import { PortalPage } from '@/components/portal-page';
import { portalPageProps, type PortalPageProps } from '@/lib/portal/page-props';

// Served without Next's client runtime: the page's only script is the islands bundle.
export const config = { runtime: 'nodejs', unstable_runtimeJS: false };
export const getServerSideProps = portalPageProps;

export default function MyLicensePage(props: PortalPageProps) {
  return (
    <PortalPage
      {...props}
      title="My license"
      heading="My license"
      lead="Enter your license key to see its status, expiry, plan and the machines that use it."
      island="license"
      width="wide"
    />
  );
}
