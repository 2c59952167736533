import type { AnchorHTMLAttributes } from 'react';

/**
 * `next/link` inside the islands bundle (scripts/build-islands.mjs aliases it here): an
 * end-user page has no client router to hand a click to, so a link is a plain link, with
 * the same markup next/link renders on the server.
 */
export default function Link({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a href={href} {...rest} />;
}
