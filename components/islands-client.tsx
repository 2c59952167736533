// The browser entry of the portal's end-user pages (bundled by scripts/build-islands.mjs):
// React hydrates each island the server rendered, and nothing else runs.
import { useEffect, type ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { ISLANDS, type IslandName } from '@/components/islands';

/** Marks the island `data-hydrated` once React owns it (what a browser test waits for before it acts). */
function Hydrated({ element, children }: { element: HTMLElement; children: ReactNode }) {
  useEffect(() => element.setAttribute('data-hydrated', ''), [element]);
  return children;
}

for (const element of document.querySelectorAll<HTMLElement>('[data-island]')) {
  const Island = ISLANDS[element.dataset.island as IslandName];
  if (Island)
    hydrateRoot(
      element,
      <Hydrated element={element}>
        <Island />
      </Hydrated>,
    );
}
