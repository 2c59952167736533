'use server';

import { z } from 'zod';
import { runPortalAction } from '@/lib/http/portal-action';
import { activate, type Activation } from '@/lib/licensing/activate';
import { fail, type Result } from '@/lib/core/result';

const activationInput = z.object({ requestText: z.string().trim().min(1) });

/** The Activate page: one activation request in, one license file and its summary out. */
export async function activateAction(input: { requestText: string }): Promise<Result<Activation>> {
  const parsed = activationInput.safeParse(input);
  if (!parsed.success) {
    return fail('ERR_VALIDATION', 'Drop the activation request file here, or paste its text, then try again.');
  }
  return runPortalAction((actor) => activate({ requestText: parsed.data.requestText, actor }));
}
