import 'server-only';
import { writeTransaction } from '@/db/client';
import {
  findActiveSigningKey,
  insertEncryptionKey,
  insertSigningKey,
  listPublishedSigningKeys,
  listUsableEncryptionKeys,
  setSigningKeyStatus,
} from '@/db/queries/keys';
import type { EncryptionKey, SigningKey } from '@/db/schema';
import { sealSecret, unsealSecret } from '@/lib/instance/master-key';
import { SYSTEM_ACTOR, type Actor } from '@/lib/core/actor';
import { audit } from '@/db/queries/audit';
import { generateEncryptionKeyPair, generateSigningKeyPair, type JWK, type KeyPairJwk } from '@/lib/protocol';

const SIGNING_CONTEXT = 'signing_keys.private_jwk';
const ENCRYPTION_CONTEXT = 'encryption_keys.private_jwk';

function toKeyPair(row: SigningKey | EncryptionKey, context: string): KeyPairJwk {
  return {
    kid: row.kid,
    publicJwk: row.publicJwk as JWK,
    privateJwk: JSON.parse(unsealSecret(row.privateJwkEncrypted, context)) as JWK,
  };
}

/** A new key pair as stored: the private JWK sealed under the master key for its column. */
function storedKey(pair: KeyPairJwk, context: string) {
  return { kid: pair.kid, publicJwk: pair.publicJwk, privateJwkEncrypted: sealSecret(JSON.stringify(pair.privateJwk), context), status: 'active' as const };
}

/**
 * Creates the signing and request-encryption keys on first start; later starts keep
 * them (issue 2: "restarting never regenerates keys"). The check is repeated inside the
 * write transaction, so two processes starting at once still create one key each kind.
 */
export async function ensureInstanceKeys(): Promise<{ createdSigningKey?: string; createdEncryptionKey?: string }> {
  const created: { createdSigningKey?: string; createdEncryptionKey?: string } = {};
  if (!findActiveSigningKey()) {
    const pair = await generateSigningKeyPair();
    const row = storedKey(pair, SIGNING_CONTEXT);
    writeTransaction((tx) => {
      if (findActiveSigningKey(tx)) return;
      insertSigningKey(row, tx);
      audit(tx, SYSTEM_ACTOR, 'key.create', { type: 'signing_key', id: pair.kid });
      created.createdSigningKey = pair.kid;
    });
  }
  if (listUsableEncryptionKeys().length === 0) {
    const pair = await generateEncryptionKeyPair();
    const row = storedKey(pair, ENCRYPTION_CONTEXT);
    writeTransaction((tx) => {
      if (listUsableEncryptionKeys(tx).length > 0) return;
      insertEncryptionKey(row, tx);
      audit(tx, SYSTEM_ACTOR, 'key.create', { type: 'encryption_key', id: pair.kid });
      created.createdEncryptionKey = pair.kid;
    });
  }
  return created;
}

/** The key that signs license files from now on. */
export function activeSigningKey(): KeyPairJwk {
  const row = findActiveSigningKey();
  if (!row) throw new Error('No active signing key: the instance was not started with `npm start`');
  return toKeyPair(row, SIGNING_CONTEXT);
}

/** Private keys that may open device artifacts, newest first. */
export function requestDecryptionKeys(): KeyPairJwk[] {
  return listUsableEncryptionKeys().map((row) => toKeyPair(row, ENCRYPTION_CONTEXT));
}

/**
 * The public JWKS (RFC 7517 §5): signing keys that still verify (active and retired)
 * and the portal's request-encryption key(s), marked `use: "enc"`.
 */
export function publicJwks(): { keys: JWK[] } {
  const signing = listPublishedSigningKeys().map((row) => ({ ...(row.publicJwk as JWK), kid: row.kid, use: 'sig', alg: 'EdDSA' }));
  const encryption = listUsableEncryptionKeys().map((row) => ({
    ...(row.publicJwk as JWK),
    kid: row.kid,
    use: 'enc',
    alg: 'ECDH-ES+A256KW',
  }));
  return { keys: [...signing, ...encryption] };
}

/**
 * Rotation: a new key signs from now on; the previous one is retired but stays in
 * the JWKS, so every file it signed keeps verifying.
 */
export async function rotateSigningKey(actor: Actor): Promise<{ kid: string; retiredKid?: string }> {
  const pair = await generateSigningKeyPair();
  const row = storedKey(pair, SIGNING_CONTEXT);
  return writeTransaction((tx) => {
    const previous = findActiveSigningKey(tx);
    const now = new Date();
    if (previous) setSigningKeyStatus(previous.kid, 'retired', now, tx);
    insertSigningKey(row, tx);
    audit(tx, actor, 'key.rotate', { type: 'signing_key', id: pair.kid }, { retired: previous?.kid ?? null }, now);
    return { kid: pair.kid, retiredKid: previous?.kid };
  });
}
