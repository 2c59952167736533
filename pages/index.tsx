import Head from 'next/head';
import { Island } from '@/components/island';
import { portalPageProps, type PortalPageProps } from '@/lib/portal/page-props';
import { pageTitle } from '@/lib/portal/site';

// Served without Next's client runtime: the page's only script is the islands bundle.
export const config = { runtime: 'nodejs', unstable_runtimeJS: false };
export const getServerSideProps = portalPageProps;

export default function ActivatePage({ script, nonce }: PortalPageProps) {
  return (
    <section className="mx-auto max-w-2xl space-y-6">
      <Head>
        <title>{pageTitle()}</title>
      </Head>
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Activate a machine</h1>
        <p className="mt-3 text-slate-600">
          Your application wrote an activation request file (<code className="font-mono text-sm">.req</code>). Upload it here to download a license
          file for that machine. The license key inside the file is all the portal needs: no account.
        </p>
      </header>
      <Island name="activate" script={script} nonce={nonce} />
      <p className="text-sm text-slate-500">
        Activating the same machine again renews its license file and never takes a second seat. Replacing a machine? Deactivate the old one first on
        the{' '}
        <a className="underline hover:text-slate-700" href="/deactivate">
          Deactivate
        </a>{' '}
        page.
      </p>
    </section>
  );
}
