import type { PortalActionName, PortalActions, PortalInputs } from '@/lib/portal/actions';
import { fromWire } from '@/lib/portal/wire';

type Answer<N extends PortalActionName> = Awaited<ReturnType<PortalActions[N]>>;

const UNREACHABLE = 'The portal did not answer. Check your connection, then try again.';

/**
 * Calls one of the portal's actions (lib/portal/actions.ts) from a page's island: a JSON
 * POST to `/api/portal/{name}`, answered with the action's Result (a refusal arrives as
 * the API's `{ error }` body and becomes the Failure it was). A lost connection or an
 * answer that is not ours (a proxy's error page) becomes a Failure with one sentence.
 */
export async function callPortal<N extends PortalActionName>(name: N, input: PortalInputs[N]): Promise<Answer<N>> {
  try {
    const response = await fetch(`/api/portal/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    const body = fromWire(await response.text()) as (Answer<N> & { error?: undefined }) | { ok?: undefined; error?: { code: string; message: string; fieldErrors?: Record<string, string[]> } } | null;
    if (response.ok && body?.ok === true) return body as Answer<N>;
    if (!response.ok && typeof body?.error?.message === 'string') return { ok: false, ...body.error } as Answer<N>;
  } catch {
    // falls through to the sentence below
  }
  return { ok: false, code: 'ERR_INTERNAL', message: UNREACHABLE } as Answer<N>;
}
