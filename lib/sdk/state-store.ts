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
  revocations: 'revocations.txt',
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

  private async readClock(): Promise<{ lastSeenMs: number | null; serverTimeMs: number | null }> {
    const text = await this.read(STATE_FILES.lastSeen);
    const json = (text ? JSON.parse(text) : {}) as { last_seen_ms?: unknown; server_time_ms?: unknown };
    const ms = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
    return { lastSeenMs: ms(json.last_seen_ms), serverTimeMs: ms(json.server_time_ms) };
  }

  private async writeClock(lastSeenMs: number, serverTimeMs: number | null): Promise<void> {
    await this.write(
      STATE_FILES.lastSeen,
      JSON.stringify({ last_seen_ms: lastSeenMs, last_seen: new Date(lastSeenMs).toISOString(), ...(serverTimeMs !== null ? { server_time_ms: serverTimeMs } : {}) }),
    );
  }

  async readLastSeen(): Promise<Date | null> {
    const { lastSeenMs } = await this.readClock();
    return lastSeenMs === null ? null : new Date(lastSeenMs);
  }

  /** Moves last-seen forward to `now`; never backward (DESIGN.md "Offline checks"). */
  async advanceLastSeen(now: Date): Promise<void> {
    const { lastSeenMs, serverTimeMs } = await this.readClock();
    if (lastSeenMs !== null && lastSeenMs >= now.getTime()) return;
    await this.writeClock(now.getTime(), serverTimeMs);
  }

  /**
   * Takes the portal's signed time from a newly installed file (its `iat`). Only a server
   * time later than any seen before counts; then last-seen becomes max(server time,
   * min(last-seen, now)): a last-seen that lies in the future of this clock came from a
   * clock set ahead and is dropped, so a good refresh clears a false clock-tampered state,
   * while a genuine last-seen (not after now) never moves back (docs/PROTOCOL.md "Clock").
   */
  async recordServerTime(serverTime: Date, now: Date): Promise<void> {
    const { lastSeenMs, serverTimeMs } = await this.readClock();
    const server = serverTime.getTime();
    if (serverTimeMs !== null && server <= serverTimeMs) return;
    const lastSeen = Math.max(server, Math.min(lastSeenMs ?? server, now.getTime()));
    await this.writeClock(lastSeen, server);
  }
}
