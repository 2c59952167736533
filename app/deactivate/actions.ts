'use server';

import { z } from 'zod';
import { runPortalAction } from '@/lib/http/portal-action';
import { deactivate, type Deactivation } from '@/lib/licensing/deactivate';
import { fail, type Result } from '@/lib/core/result';

const deactivationInput = z.object({ deactivationText: z.string().trim().min(1) });

/** The Deactivate page: one deactivation file in, the freed seat (or "nothing changed") out. */
export async function deactivateAction(input: { deactivationText: string }): Promise<Result<Deactivation>> {
  const parsed = deactivationInput.safeParse(input);
  if (!parsed.success) {
    return fail('ERR_VALIDATION', 'Drop the deactivation file here, or paste its text, then try again.');
  }
  return runPortalAction((actor) => deactivate({ deactivationText: parsed.data.deactivationText, actor }));
}
