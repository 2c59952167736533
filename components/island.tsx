import { renderToString } from 'react-dom/server';
import { ISLANDS, type IslandName } from '@/components/islands';

/**
 * One interactive part of an end-user page, rendered here and hydrated in the browser by
 * the islands bundle (components/islands-client.tsx). It is rendered as a root of its own,
 * as the browser hydrates it, so React's generated ids agree on both sides.
 */
export function Island({ name, script, nonce }: { name: IslandName; script: string; nonce: string }) {
  const Component = ISLANDS[name];
  return (
    <>
      {/* The islands script marks it `data-hydrated`; under `next dev` Next's own runtime hydrates the page too and would warn. */}
      <div data-island={name} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: renderToString(<Component />) }} />
      {/* A module script runs after the document is parsed, as `defer` would. */}
      {/* eslint-disable-next-line @next/next/no-sync-scripts */}
      <script type="module" src={script} nonce={nonce} />
    </>
  );
}
