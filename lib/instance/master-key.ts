import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from '@/db/data-dir';
import { findSetting, insertSetting } from '@/db/queries/instance';
import { seal, unseal } from '@/lib/instance/seal';

const CHECK_SETTING = 'master_key_check';
const CHECK_CONTEXT = 'gatepass/master-key-check';
const CHECK_TEXT = 'gatepass master key check v1';

/** Thrown when the instance cannot safely read its own secrets; the message says what to do. */
export class MasterKeyError extends Error {
  override name = 'MasterKeyError';
}

export function masterKeyFile(): string {
  return path.join(dataDir(), 'master.key');
}

function parseKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64url');
  if (key.length !== 32) {
    throw new MasterKeyError(
      `${source} must hold 32 random bytes as 64 hex characters or base64url. ` +
        'Generate one with: node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'hex\'))"',
    );
  }
  return key;
}

// The key once loaded; while the first load runs, every caller awaits the same one, so
// the check value is written once. A failed load is not kept: the next call says why again.
let cached: Promise<Buffer> | undefined;

/**
 * The instance master key: `GATEPASS_MASTER_KEY`, else `<data dir>/master.key`.
 * The key file is created (mode 0600) only when the database holds no secrets yet;
 * a missing or wrong key for an existing database stops the instance instead of
 * silently re-keying it (issue 2).
 */
export function masterKey(): Promise<Buffer> {
  cached ??= loadMasterKey().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/** Throws, saying what to do, unless `key` opens the stored check value. */
function opens(check: string, key: Buffer): void {
  try {
    unseal(check, key, CHECK_CONTEXT);
  } catch {
    throw new MasterKeyError(
      `The master key does not open the secrets in ${dataDir()}. ` +
        'Use the master.key (or GATEPASS_MASTER_KEY) that belongs to this database.',
    );
  }
}

async function loadMasterKey(): Promise<Buffer> {
  const check = await findSetting(CHECK_SETTING);
  let key: Buffer;
  if (process.env.GATEPASS_MASTER_KEY) {
    key = parseKey(process.env.GATEPASS_MASTER_KEY, 'GATEPASS_MASTER_KEY');
  } else if (fs.existsSync(masterKeyFile())) {
    key = parseKey(fs.readFileSync(masterKeyFile(), 'utf8'), masterKeyFile());
  } else if (check) {
    throw new MasterKeyError(
      `The master key file ${masterKeyFile()} is missing, but the database in ${dataDir()} holds secrets sealed with it. ` +
        'Restore master.key from your backup (or set GATEPASS_MASTER_KEY). Gatepass will not create a new key: ' +
        'that would make every stored signing key and license key unreadable.',
    );
  } else {
    key = crypto.randomBytes(32);
    fs.mkdirSync(dataDir(), { recursive: true, mode: 0o700 });
    fs.writeFileSync(masterKeyFile(), `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  if (check) {
    opens(check, key);
  } else {
    try {
      await insertSetting(CHECK_SETTING, seal(CHECK_TEXT, key, CHECK_CONTEXT));
    } catch (error) {
      // Another instance starting at the same moment stored its check first: it must be ours.
      const stored = await findSetting(CHECK_SETTING);
      if (!stored) throw error;
      opens(stored, key);
    }
  }
  return key;
}

/** Seals a secret under the master key; `context` names the column it belongs to. */
export async function sealSecret(plaintext: string, context: string): Promise<string> {
  return seal(plaintext, await masterKey(), context);
}

/** Opens a secret sealed by {@link sealSecret}. */
export async function unsealSecret(sealed: string, context: string): Promise<string> {
  return unseal(sealed, await masterKey(), context);
}

/**
 * A secret for another purpose (e.g. the session cookie key), derived from the master
 * key with HKDF-SHA256 (RFC 5869) so the instance needs no second secret file.
 */
export async function deriveSecret(purpose: string): Promise<string> {
  return Buffer.from(crypto.hkdfSync('sha256', await masterKey(), Buffer.alloc(0), `gatepass/${purpose}`, 32)).toString('base64url');
}
