// The browser entry of the portal's end-user pages (bundled by scripts/build-islands.mjs):
// React hydrates each island the server rendered, and nothing else runs.
import { hydrateRoot } from 'react-dom/client';
import { ISLANDS, type IslandName } from '@/components/islands';

for (const element of document.querySelectorAll<HTMLElement>('[data-island]')) {
  const Island = ISLANDS[element.dataset.island as IslandName];
  if (Island) hydrateRoot(element, <Island />);
}
