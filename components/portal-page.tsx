import Head from 'next/head';
import type { ReactNode } from 'react';
import { Island } from '@/components/island';
import type { IslandName } from '@/components/islands';
import type { PortalPageProps } from '@/lib/portal/page-props';
import { pageTitle } from '@/lib/portal/site';

const WIDTHS = { narrow: 'max-w-2xl', wide: 'max-w-3xl' } as const;

/**
 * One end-user page (pages/*.tsx): its tab title, heading and lead, its island, and what
 * follows it. `title` undefined is the portal's home ("Gatepass").
 */
export function PortalPage({
  script,
  nonce,
  title,
  heading,
  lead,
  island,
  width = 'narrow',
  children,
}: PortalPageProps & { title?: string; heading: string; lead: ReactNode; island: IslandName; width?: keyof typeof WIDTHS; children?: ReactNode }) {
  return (
    <section className={`mx-auto ${WIDTHS[width]} space-y-6`}>
      <Head>
        <title>{pageTitle(title)}</title>
      </Head>
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">{heading}</h1>
        <p className="mt-3 text-slate-600">{lead}</p>
      </header>
      <Island name={island} script={script} nonce={nonce} />
      {children}
    </section>
  );
}
