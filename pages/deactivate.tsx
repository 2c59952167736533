import Head from 'next/head';
import { Island } from '@/components/island';
import { portalPageProps, type PortalPageProps } from '@/lib/portal/page-props';
import { pageTitle } from '@/lib/portal/site';

// Served without Next's client runtime: the page's only script is the islands bundle.
export const config = { runtime: 'nodejs', unstable_runtimeJS: false };
export const getServerSideProps = portalPageProps;

export default function DeactivatePage({ script, nonce }: PortalPageProps) {
  return (
    <section className="mx-auto max-w-2xl space-y-6">
      <Head>
        <title>{pageTitle('Deactivate')}</title>
      </Head>
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Deactivate a machine</h1>
        <p className="mt-3 text-slate-600">
          In the application, choose Help → Deactivate. It removes the license from that machine and writes a deactivation file. Upload the file here to
          free the seat for another machine.
        </p>
      </header>
      <Island name="deactivate" script={script} nonce={nonce} />
      <p className="text-sm text-slate-500">Lost the machine, or the deactivation file? Ask your vendor&apos;s support to release the seat.</p>
    </section>
  );
}
