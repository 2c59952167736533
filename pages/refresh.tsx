import Head from 'next/head';
import { Island } from '@/components/island';
import { portalPageProps, type PortalPageProps } from '@/lib/portal/page-props';
import { pageTitle } from '@/lib/portal/site';

// Served without Next's client runtime: the page's only script is the islands bundle.
export const config = { runtime: 'nodejs', unstable_runtimeJS: false };
export const getServerSideProps = portalPageProps;

export default function RefreshPage({ script, nonce }: PortalPageProps) {
  return (
    <section className="mx-auto max-w-3xl space-y-6">
      <Head>
        <title>{pageTitle('Refresh')}</title>
      </Head>
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Refresh a license file</h1>
        <p className="mt-3 text-slate-600">
          A license file works offline until its lease ends. Enter your license key, choose the machine, and download a file with a new lease. A machine
          whose lease ran out can be refreshed too, as long as no other machine took its seat.
        </p>
      </header>
      <Island name="refresh" script={script} nonce={nonce} />
      <p className="text-sm text-slate-500">You can also upload a new activation request from the same machine on the Activate page: it never takes a second seat.</p>
    </section>
  );
}
