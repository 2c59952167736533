import 'server-only';
import { writeTransaction } from '@/db/client';
import { countStillValidFilesOfKey, listKeyUsage } from '@/db/queries/key-usage';
import { findSigningKey, listSigningKeys, setSigningKeyStatus } from '@/db/queries/keys';
import type { KeyStatus } from '@/lib/core/enums';
import type { Actor } from '@/lib/core/actor';
import { audit } from '@/db/queries/audit';
import { forgetCachedKeys } from '@/lib/instance/keys';
import { fail, type Result } from '@/lib/core/result';

export interface SigningKeyView {
  kid: string;
  status: KeyStatus;
  createdAt: Date;
  retiredAt: Date | null;
  revokedAt: Date | null;
  /** License files this key signed. */
  signed: number;
  /** Of those, files whose lease plus grace has not ended: they break if the key is revoked. */
  stillValid: number;
}

const STATUS_ORDER: Record<KeyStatus, number> = { active: 0, retired: 1, revoked: 2 };

/** The signing keys, the active one first, with how many files each signed and how many still work. */
export async function listSigningKeysWithUsage(now = new Date()): Promise<SigningKeyView[]> {
  const [usageRows, keyRows] = await Promise.all([listKeyUsage(now), listSigningKeys()]);
  const usage = new Map(usageRows.map((row) => [row.kid, row]));
  const keys = keyRows.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.createdAt.getTime() - a.createdAt.getTime());
  return keys.map((key) => ({
    kid: key.kid,
    status: key.status,
    createdAt: key.createdAt,
    retiredAt: key.retiredAt,
    revokedAt: key.revokedAt,
    signed: usage.get(key.kid)?.signed ?? 0,
    stillValid: usage.get(key.kid)?.stillValid ?? 0,
  }));
}

/** The warning shown before a revocation, naming what breaks. */
export function revocationWarning(stillValid: number): string {
  if (stillValid === 0) return 'No license file signed by this key is still valid: revoking it breaks nothing.';
  const files = stillValid === 1 ? '1 license file signed by this key is' : `${stillValid} license files signed by this key are`;
  return `${files} still valid. Revoking removes the key from the JWKS: apps that load the new key set will reject ${stillValid === 1 ? 'that file' : 'those files'} until the machines get a refreshed file.`;
}

/**
 * Withdraws a retired key from the JWKS (e.g. after a leak). The active key cannot be
 * revoked: rotate first, so that something signs new files.
 */
export async function revokeSigningKey(kid: string, actor: Actor, now = new Date()): Promise<Result<{ kid: string; stillValid: number }>> {
  const result = await writeTransaction(async (tx) => {
    const key = await findSigningKey(kid, tx);
    if (!key) return fail('ERR_NOT_FOUND', 'That signing key does not exist. Reload the page.');
    if (key.status === 'active') return fail('ERR_CONFLICT', 'The active key signs new license files. Rotate first, then revoke the old key.');
    if (key.status === 'revoked') return fail('ERR_CONFLICT', 'This key is revoked already.');
    const stillValid = await countStillValidFilesOfKey(kid, now, tx);
    await setSigningKeyStatus(kid, 'revoked', now, tx);
    await audit(tx, actor, 'key.revoke', { type: 'signing_key', id: kid }, { stillValidFiles: stillValid }, now);
    return { ok: true as const, kid, stillValid };
  });
  // The revoked key leaves this process's JWKS at once (other instances: within the cache's bound).
  if (result.ok) forgetCachedKeys();
  return result;
}
