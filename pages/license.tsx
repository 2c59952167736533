import Head from 'next/head';
import { Island } from '@/components/island';
import { portalPageProps, type PortalPageProps } from '@/lib/portal/page-props';
import { pageTitle } from '@/lib/portal/site';

// Served without Next's client runtime: the page's only script is the islands bundle.
export const config = { runtime: 'nodejs', unstable_runtimeJS: false };
export const getServerSideProps = portalPageProps;

export default function MyLicensePage({ script, nonce }: PortalPageProps) {
  return (
    <section className="mx-auto max-w-3xl space-y-6">
      <Head>
        <title>{pageTitle('My license')}</title>
      </Head>
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">My license</h1>
        <p className="mt-3 text-slate-600">Enter your license key to see its status, expiry, plan and the machines that use it.</p>
      </header>
      <Island name="license" script={script} nonce={nonce} />
    </section>
  );
}
