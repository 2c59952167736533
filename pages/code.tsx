import { PortalPage } from '@/components/portal-page';
import { portalPageProps, type PortalPageProps } from '@/lib/portal/page-props';

// Served without Next's client runtime: the page's only script is the islands bundle.
export const config = { runtime: 'nodejs', unstable_runtimeJS: false };
export const getServerSideProps = portalPageProps;

export default function CodePage(props: PortalPageProps) {
  return (
    <PortalPage
      {...props}
      title="Enter a code"
      heading="Enter a code"
      lead="For a machine that cannot take a file: type the activation or deactivation code it shows, or scan its QR code with your phone. An activation gives you a short response code to type (or scan) back on the machine."
      island="code"
    />
  );
}
