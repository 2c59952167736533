/**
 * The SDK's state directory: device key, installed license, license key and
 * last-seen time. Every write is atomic (temp file + rename) so a crash never
 * leaves half a file; secrets are created with mode 0600 in a 0700 directory.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { generateDeviceKeyPair, type KeyPairJwk } from '../protocol';

/** File names inside the state directory (docs/PROTOCOL.md "SDK state"). */
export const STATE_FILES = {
  deviceKey: 'device-key.json',
  license: 'license.lic',
  licenseKey: 'license-key.json',
  lastSeen: 'last-seen.json',
  pendingDeactivation: 'pending-deactivation.req',
} as const;

/**
 * `GATEPASS_STATE_DIR` when set, else `~/.gatepass/<product>`.
 *
 * @example
 * defaultStateDir('photo-pro'); // '/home/ana/.gatepass/photo-pro'
 */
export function defaultStateDir(product: string, env: Record<string, string | undefined> = process.env): string {
  return env.GATEPASS_STATE_DIR || join(homedir(), '.gatepass', product);
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT';

/**
 * Reads and writes the state files of one installation.
 *
 * @example
 * const store = new StateStore('/home/ana/.gatepass/photo-pro');
 * const device = await store.loadOrCreateDeviceKey();
 */
export class StateStore {
  constructor(readonly dir: string) {}

  path(name: string): string {
    return join(this.dir, name);
  }

  async read(name: string): Promise<string | null> {
    try {
      return await readFile(this.path(name), 'utf8');
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  private async tempFile(name: string, data: string, mode: number): Promise<string> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const temp = this.path(`.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    await writeFile(temp, data, { mode, flag: 'wx' });
    return temp;
  }

  /** Replaces the file atomically (rename is atomic within a directory, POSIX rename(2)). */
  async write(name: string, data: string, mode = 0o600): Promise<void> {
    const temp = await this.tempFile(name, data, mode);
    try {
      await rename(temp, this.path(name));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  /** Creates the file only if absent (link(2) fails with EEXIST); returns false when it existed. */
  async create(name: string, data: string, mode = 0o600): Promise<boolean> {
    const temp = await this.tempFile(name, data, mode);
    try {
      await link(temp, this.path(name));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }

  async remove(name: string): Promise<void> {
    await rm(this.path(name), { force: true });
  }

  /** The installation's device key, made once; concurrent first calls agree on one key. */
  async loadOrCreateDeviceKey(): Promise<KeyPairJwk> {
    const existing = await this.read(STATE_FILES.deviceKey);
    if (existing) return JSON.parse(existing) as KeyPairJwk;
    await this.create(STATE_FILES.deviceKey, JSON.stringify(await generateDeviceKeyPair(), null, 2));
    return JSON.parse((await this.read(STATE_FILES.deviceKey))!) as KeyPairJwk;
  }

  async loadDeviceKey(): Promise<KeyPairJwk | null> {
    const text = await this.read(STATE_FILES.deviceKey);
    return text ? (JSON.parse(text) as KeyPairJwk) : null;
  }

  async readLicenseKey(): Promise<string | null> {
    const text = await this.read(STATE_FILES.licenseKey);
    return text ? ((JSON.parse(text) as { license_key?: string }).license_key ?? null) : null;
  }

  async writeLicenseKey(licenseKey: string): Promise<void> {
    await this.write(STATE_FILES.licenseKey, JSON.stringify({ license_key: licenseKey }));
  }

  async readLastSeen(): Promise<Date | null> {
    const text = await this.read(STATE_FILES.lastSeen);
    const ms = text ? (JSON.parse(text) as { last_seen_ms?: unknown }).last_seen_ms : undefined;
    return typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms) : null;
  }

  /** Moves last-seen forward to `now`; never backward (DESIGN.md "Offline checks"). */
  async advanceLastSeen(now: Date): Promise<void> {
    const previous = await this.readLastSeen();
    if (previous && previous.getTime() >= now.getTime()) return;
    await this.write(
      STATE_FILES.lastSeen,
      JSON.stringify({ last_seen_ms: now.getTime(), last_seen: now.toISOString() }),
    );
  }
}
