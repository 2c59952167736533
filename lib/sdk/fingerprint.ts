/**
 * Machine fingerprint (DESIGN.md "Fixed details": an opaque string of at most
 * 256 characters; default hex SHA-256 of the OS machine id and the product slug;
 * an environment variable overrides it).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { SdkError } from './errors';

const run = promisify(execFile);

/** Where the OS keeps a stable machine id, per platform, tried in order. */
const LINUX_ID_FILES = ['/etc/machine-id', '/var/lib/dbus/machine-id', '/sys/class/dmi/id/product_uuid'];

async function firstReadable(paths: string[]): Promise<string | undefined> {
  for (const path of paths) {
    const value = await readFile(path, 'utf8').then((s) => s.trim(), () => '');
    if (value) return value;
  }
  return undefined;
}

/**
 * The OS machine id, trimmed and lower-cased: Linux `/etc/machine-id`, then
 * `/var/lib/dbus/machine-id`, then `/sys/class/dmi/id/product_uuid`; macOS
 * `IOPlatformUUID` from `ioreg -rd1 -c IOPlatformExpertDevice`; Windows
 * `MachineGuid` under `HKLM\SOFTWARE\Microsoft\Cryptography`.
 *
 * @throws {SdkError} ERR_FINGERPRINT_UNAVAILABLE
 * @example
 * await readMachineId(); // 'f2d6c0a1e4b94c1f8f3f0d6f8f1e2a3b'
 */
export async function readMachineId(platform: NodeJS.Platform = process.platform): Promise<string> {
  let id: string | undefined;
  try {
    if (platform === 'darwin') {
      const { stdout } = await run('ioreg', ['-rd1', '-c', 'IOPlatformExpertDevice']);
      id = /"IOPlatformUUID"\s*=\s*"([^"]+)"/.exec(stdout)?.[1];
    } else if (platform === 'win32') {
      const { stdout } = await run('reg', ['query', 'HKLM\\SOFTWARE\\Microsoft\\Cryptography', '/v', 'MachineGuid']);
      id = /MachineGuid\s+REG_SZ\s+(\S+)/.exec(stdout)?.[1];
    } else {
      id = await firstReadable(LINUX_ID_FILES);
    }
  } catch (error) {
    throw new SdkError('ERR_FINGERPRINT_UNAVAILABLE', {}, { cause: error });
  }
  if (!id) throw new SdkError('ERR_FINGERPRINT_UNAVAILABLE');
  return id.trim().toLowerCase();
}

export interface MachineFingerprintOptions {
  /** Defaults to `process.env`; `GATEPASS_FINGERPRINT` there wins over everything. */
  env?: Record<string, string | undefined>;
  /**
   * Mixed into the hash to make several simulated machines on one computer
   * (the CLI passes its `--state` directory): `sha256(id:product:namespace)`.
   */
  namespace?: string;
  /** Replaces the OS look-up (tests, exotic platforms). */
  readMachineId?: () => Promise<string>;
}

/**
 * This machine's fingerprint for a product: `GATEPASS_FINGERPRINT` when set
 * (trimmed; hex SHA-256 of it when longer than 256 characters), else lower-case hex SHA-256 of the UTF-8 string
 * `${machineId}:${productSlug}` (or `${machineId}:${productSlug}:${namespace}`).
 *
 * @throws {SdkError} ERR_FINGERPRINT_UNAVAILABLE
 * @example
 * await machineFingerprint('photo-pro'); // 'c0ffee…' (64 hex characters)
 */
export async function machineFingerprint(product: string, options: MachineFingerprintOptions = {}): Promise<string> {
  const override = (options.env ?? process.env).GATEPASS_FINGERPRINT?.trim();
  // Longer overrides are hashed so the fingerprint stays within 256 characters.
  if (override) return override.length <= 256 ? override : sha256Hex(override);
  const machineId = await (options.readMachineId ?? readMachineId)();
  const input = options.namespace ? `${machineId}:${product}:${options.namespace}` : `${machineId}:${product}`;
  return sha256Hex(input);
}

function sha256Hex(input: string): string {
  return createHash('sha256').update(input, 'utf8').digest('hex');
}
