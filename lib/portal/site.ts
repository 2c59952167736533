/** What a search engine or a link preview says of every page. */
export const SITE_DESCRIPTION = 'Activate, refresh and deactivate software licenses for offline machines.';

/** A page's title as the browser tab shows it ("Refresh · Gatepass"); the portal's home is just "Gatepass". */
export function pageTitle(title?: string): string {
  return title ? `${title} · Gatepass` : 'Gatepass';
}
