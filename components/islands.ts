import type { ComponentType } from 'react';
import { ActivatePanel } from '@/components/activate-panel';
import { CodeEntry } from '@/components/code-entry';
import { DeactivatePanel } from '@/components/deactivate-panel';
import { LicenseLookup } from '@/components/license-lookup';
import { RefreshPanel } from '@/components/refresh-panel';
import { RevocationSummary } from '@/components/revocation-summary';

/**
 * The interactive parts of the portal's end-user pages, by the name a page gives its
 * island (components/island.tsx renders one on the server, components/islands-client.tsx
 * hydrates it in the browser). They take no props: what they show comes from the person,
 * or from /api/portal/* once they run.
 */
export const ISLANDS = {
  activate: ActivatePanel,
  refresh: RefreshPanel,
  deactivate: DeactivatePanel,
  code: CodeEntry,
  license: LicenseLookup,
  revocations: RevocationSummary,
} satisfies Record<string, ComponentType>;

export type IslandName = keyof typeof ISLANDS;
