import type { AppProps } from 'next/app';
import Head from 'next/head';
import { SiteFrame } from '@/components/site-frame';
import type { PortalPageProps } from '@/lib/portal/page-props';
import { SITE_DESCRIPTION } from '@/lib/portal/site';
import '@/app/globals.css';

/**
 * The end-user pages (Activate, Refresh, Deactivate, Codes, My license): rendered on the
 * server without the App Router runtime, each with one island of React for what the
 * person does there (docs/DECISIONS.md "Portal pages").
 */
export default function PortalApp({ Component, pageProps }: AppProps<PortalPageProps>) {
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={SITE_DESCRIPTION} />
        <meta name="color-scheme" content="light dark" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
      </Head>
      <SiteFrame staff={undefined}>
        <Component {...pageProps} />
      </SiteFrame>
    </>
  );
}
