'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import { ADMIN_ONLY, staffAction } from '@/lib/auth/staff';

const scopes = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string()));
// A date input sends "" for no expiry, or YYYY-MM-DD: the token works through that day (UTC).
const expiry = z
  .string()
  .default('')
  .transform((text) => (text === '' ? null : new Date(`${text}T23:59:59Z`)));

export const createApiTokenAction = staffAction(ADMIN_ONLY, z.object({ name: z.string().default(''), scopes, expiresAt: expiry }), async (input, { actor }) => {
  const result = await createApiToken(input, actor);
  if (!result.ok) return result;
  revalidatePath('/admin/api-tokens');
  return { ok: true as const, name: result.summary.name, token: result.token, message: `Token "${result.summary.name}" created.` };
});

export const revokeApiTokenAction = staffAction(ADMIN_ONLY, z.object({ tokenId: z.string() }), async (input, { actor }) => {
  const result = await revokeApiToken(input.tokenId, actor);
  if (!result.ok) return result;
  revalidatePath('/admin/api-tokens');
  return { ok: true as const, message: `Token "${result.summary.name}" revoked: calls with it are refused from now on.` };
});
