'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ADMIN_ONLY, staffAction } from '@/lib/auth/staff';
import { rotateSigningKey } from '@/lib/instance/keys';
import { fail } from '@/lib/core/result';
import { revokeSigningKey } from '@/lib/licensing/signing-key-admin';

export const rotateKeyAction = staffAction(ADMIN_ONLY, z.object({}), async (_input, { actor }) => {
  const rotated = await rotateSigningKey(actor);
  revalidatePath('/admin/keys');
  return { ok: true as const, kid: rotated.kid, message: `New key ${rotated.kid} signs license files from now on. The previous key stays in the JWKS, so files it signed keep verifying.` };
});

export const revokeKeyAction = staffAction(ADMIN_ONLY, z.object({ kid: z.string(), confirm: z.string().optional() }), async (input, { actor }) => {
  if (input.confirm !== 'on') return fail('ERR_VALIDATION', 'Confirm that you understand what revoking breaks.', { confirm: ['Tick this box to revoke.'] });
  const result = await revokeSigningKey(input.kid, actor);
  if (result.ok) revalidatePath('/admin/keys');
  return result.ok ? { ...result, message: `Key ${result.kid} revoked and removed from the JWKS.` } : result;
});
