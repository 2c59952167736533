import { PortalPage } from '@/components/portal-page';
import { portalPageProps, type PortalPageProps } from '@/lib/portal/page-props';

// Served without Next's client runtime: the page's only script is the islands bundle.
export const config = { runtime: 'nodejs', unstable_runtimeJS: false };
export const getServerSideProps = portalPageProps;

export default function DeactivatePage(props: PortalPageProps) {
  return (
    <PortalPage
      {...props}
      title="Deactivate"
      heading="Deactivate a machine"
      lead="In the application, choose Help → Deactivate. It removes the license from that machine and writes a deactivation file. Upload the file here to free the seat for another machine."
      island="deactivate"
    >
      <p className="text-sm text-slate-500">Lost the machine, or the deactivation file? Ask your vendor&apos;s support to release the seat.</p>
    </PortalPage>
  );
}
