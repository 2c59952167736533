import fs from 'node:fs';
import path from 'node:path';
import type { GetServerSidePropsContext, GetServerSidePropsResult } from 'next';

/**
 * What every end-user page (pages/*.tsx) gets from the server. Those pages import no
 * server-only module (Next refuses them outside the App Router): what they show comes
 * from their islands, which call /api/portal/* (docs/DECISIONS.md "Portal pages").
 */
export interface PortalPageProps {
  /** This response's Content-Security-Policy nonce (proxy.ts), for the islands script. */
  nonce: string;
  /** The URL of the islands bundle (scripts/build-islands.mjs). */
  script: string;
}

let bundle: string | undefined;

/**
 * The islands bundle named by public/islands/manifest.json, read once per process; a dev
 * server reads manifest.dev.json every time (scripts/build-islands.mjs).
 */
function islandsScript(): string {
  const production = process.env.NODE_ENV === 'production';
  if (bundle && production) return bundle;
  const file = path.join(process.cwd(), 'public', 'islands', production ? 'manifest.json' : 'manifest.dev.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { portal: string };
  bundle = manifest.portal;
  return bundle;
}

/** The nonce in the policy proxy.ts put on the request ('' when there is none). */
export function nonceOf(policy: string | string[] | undefined): string {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(String(policy ?? ''))?.[1] ?? '';
}

/** `getServerSideProps` of every end-user page. */
export async function portalPageProps(context: GetServerSidePropsContext): Promise<GetServerSidePropsResult<PortalPageProps>> {
  context.res.setHeader('Cache-Control', 'private, no-store');
  return { props: { nonce: nonceOf(context.req.headers['content-security-policy']), script: islandsScript() } };
}
