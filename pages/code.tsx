import Head from 'next/head';
import { Island } from '@/components/island';
import { portalPageProps, type PortalPageProps } from '@/lib/portal/page-props';
import { pageTitle } from '@/lib/portal/site';

// Served without Next's client runtime: the page's only script is the islands bundle.
export const config = { runtime: 'nodejs', unstable_runtimeJS: false };
export const getServerSideProps = portalPageProps;

export default function CodePage({ script, nonce }: PortalPageProps) {
  return (
    <section className="mx-auto max-w-2xl space-y-6">
      <Head>
        <title>{pageTitle('Enter a code')}</title>
      </Head>
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Enter a code</h1>
        <p className="mt-3 text-slate-600">
          For a machine that cannot take a file: type the activation or deactivation code it shows, or scan its QR code with your phone. An activation
          gives you a short response code to type (or scan) back on the machine.
        </p>
      </header>
      <Island name="code" script={script} nonce={nonce} />
    </section>
  );
}
