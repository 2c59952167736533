import { PortalPage } from '@/components/portal-page';
import { portalPageProps, type PortalPageProps } from '@/lib/portal/page-props';

// Served without Next's client runtime: the page's only script is the islands bundle.
export const config = { runtime: 'nodejs', unstable_runtimeJS: false };
export const getServerSideProps = portalPageProps;

export default function ActivatePage(props: PortalPageProps) {
  return (
    <PortalPage
      {...props}
      heading="Activate a machine"
      lead={
        <>
          Your application wrote an activation request file (<code className="font-mono text-sm">.req</code>). Upload it here to download a license file
          for that machine. The license key inside the file is all the portal needs: no account.
        </>
      }
      island="activate"
    >
      <p className="text-sm text-slate-500">
        Activating the same machine again renews its license file and never takes a second seat. Replacing a machine? Deactivate the old one first on
        the{' '}
        <a className="underline hover:text-slate-700" href="/deactivate">
          Deactivate
        </a>{' '}
        page.
      </p>
    </PortalPage>
  );
}
