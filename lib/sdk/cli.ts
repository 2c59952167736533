/**
 * `gatepass` command line (docs/PROTOCOL.md "CLI"): the SDK for shell scripts,
 * support and tests. bin/gatepass.mjs only loads this file and calls main().
 *
 * Exit codes: 0 success (for `status`: valid, expiring or grace), 1 error,
 * 2 usage error, 3 `status` found no usable license (expired, invalid,
 * clock-tampered, not activated).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isProtocolError, parseDuration, type JSONWebKeySet, type UsageCounters } from '../protocol';
import { createGatepassClient } from './client';
import { SdkError } from './errors';
import { codeQrContent, svgQr, terminalQr } from './code-qr';
import { machineFingerprint } from './fingerprint';
import type { LicenseCheck } from './license-check';
import { defaultStateDir, StateStore } from './state-store';

const USAGE = `Usage: gatepass <command> [options]

Commands:
  request --license-key KEY [--duration 30d] [--out FILE]   write an activation request
  install FILE                                              verify and install a license file
  status [--json]                                           check the installed license offline
  deactivate [--usage name=n ...] [--out FILE]              write a deactivation file, remove the license
  fingerprint                                               print this machine's fingerprint

Air-gapped (no file crosses: codes typed or scanned at the portal's /code page):
  request --code --license-key KEY [--qr FILE.svg]          print an activation request code and its QR code
  install --code "RESPONSE CODE"                            verify and install the response code from the portal
  deactivate --code [--qr FILE.svg]                         print a deactivation code, remove the license

Online (when the machine can reach the portal; same files, sent for you):
  activate --portal URL --license-key KEY [--duration 30d]  request, upload and install in one step
  refresh --portal URL                                      a new lease for this machine
  deactivate --portal URL [--usage name=n ...]              deactivate and free the seat at once

Options:
  --product SLUG     product slug (remembered in the state directory)
  --state DIR        state directory; each directory acts as a separate machine
  --jwks URL|FILE    trusted keys; a URL is fetched only by request/install/activate and cached
  --portal URL       the portal for online commands (remembered); its JWKS is used when --jwks is absent
  --fingerprint FP   use this fingerprint instead of the machine's (remembered)
  -h, --help         show this help

Exit codes: 0 ok, 1 error, 2 usage error, 3 status: no usable license.
`;

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  fetch: typeof fetch;
}

class UsageError extends Error {}

const OPTIONS = {
  'license-key': { type: 'string' },
  product: { type: 'string' },
  duration: { type: 'string' },
  out: { type: 'string' },
  state: { type: 'string' },
  jwks: { type: 'string' },
  portal: { type: 'string' },
  fingerprint: { type: 'string' },
  usage: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  code: { type: 'boolean' },
  qr: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Settings remembered in `<state>/cli.json` so later commands need fewer options. */
interface CliConfig {
  product?: string;
  fingerprint?: string;
  portal?: string;
}

const CONFIG_FILE = 'cli.json';
const JWKS_CACHE = 'jwks.json';

function durationOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const seconds = parseDuration(text);
  if (!seconds) throw new UsageError(`--duration expects e.g. 30d, 12h or seconds, got "${text}"`);
  return seconds;
}

function parseUsage(pairs: string[] = []): UsageCounters | undefined {
  if (pairs.length === 0) return undefined;
  const usage: UsageCounters = {};
  for (const pair of pairs) {
    const match = /^([^=]+)=(-?\d+(?:\.\d+)?)$/.exec(pair);
    if (!match) throw new UsageError(`--usage expects name=number, got "${pair}"`);
    usage[match[1]!] = Number(match[2]);
  }
  return usage;
}

async function loadJwks(
  source: string | undefined,
  store: StateStore,
  mayFetch: boolean,
  io: CliIo,
): Promise<JSONWebKeySet> {
  let text: string | null;
  if (source && /^https?:\/\//i.test(source)) {
    // Trusted keys are never fetched at check time (DESIGN.md "Offline checks").
    if (!mayFetch) text = await store.read(JWKS_CACHE);
    else {
      const response = await io.fetch(source).catch((error: unknown) => {
        throw new SdkError('ERR_PORTAL_UNREACHABLE', {}, { cause: error });
      });
      if (!response.ok) throw new SdkError('ERR_PORTAL_RESPONSE_INVALID', { httpStatus: response.status });
      text = await response.text();
    }
  } else if (source) {
    text = await readFile(source, 'utf8').catch(() => {
      throw new UsageError(`cannot read the JWKS file ${source}`);
    });
  } else {
    text = await store.read(JWKS_CACHE);
  }
  if (!text) throw new UsageError('no trusted keys yet: pass --jwks URL|FILE (once per state directory)');
  let jwks: JSONWebKeySet;
  try {
    jwks = JSON.parse(text) as JSONWebKeySet;
    if (!Array.isArray(jwks.keys)) throw new Error('no keys');
  } catch {
    throw new UsageError('the JWKS is not a JSON Web Key Set ({ "keys": [...] })');
  }
  if (source) await store.write(JWKS_CACHE, JSON.stringify(jwks, null, 2), 0o644);
  return jwks;
}

/**
 * Without --product or --state, the one product this user has set up (the default state
 * directories are `~/.gatepass/<product>`), so `gatepass install` and `gatepass status`
 * work after a plain `gatepass request --product P`.
 */
async function soleProduct(env: CliIo['env']): Promise<string> {
  const root = dirname(defaultStateDir('product', env));
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const products: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && (await readFile(join(root, entry.name, CONFIG_FILE), 'utf8').catch(() => null))) products.push(entry.name);
  }
  if (products.length === 1) return products[0]!;
  if (products.length === 0) throw new UsageError('--product is required (or --state DIR of an earlier request)');
  throw new UsageError(`several products are set up here (${products.sort().join(', ')}): pass --product`);
}

function describe(check: LicenseCheck): string {
  const lines = [`status: ${check.status}`];
  if (check.claims && !check.claims.license_id) {
    // A lease from a response code: the portal keeps the plan, license and seat.
    lines.push(`product: ${check.claims.product} (activated with a response code)`);
    lines.push(`lease ends: ${check.leaseEnd!.toISOString()} (grace until ${check.graceEnd!.toISOString()})`);
  } else if (check.claims) {
    lines.push(`product: ${check.claims.product} (plan ${check.claims.plan})`, `license: ${check.claims.license_id}, seat ${check.claims.seat_id}`);
    lines.push(`lease ends: ${check.leaseEnd!.toISOString()} (grace until ${check.graceEnd!.toISOString()})`);
    lines.push(`features: ${check.features.join(', ') || '(none)'}`);
  }
  if (check.message) lines.push(check.message);
  return `${lines.join('\n')}\n`;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    io.stdout(USAGE);
    return command || values.help ? 0 : 2;
  }
  const known = ['request', 'install', 'status', 'deactivate', 'fingerprint', 'activate', 'refresh'];
  if (!known.includes(command)) throw new UsageError(`unknown command "${command}"`);
  // A response code typed without quotes arrives as several arguments.
  if (rest.length > (command === 'install' ? (values.code ? 8 : 1) : 0)) throw new UsageError(`unexpected argument "${rest.at(-1)}"`);

  const explicitState = values.state || io.env.GATEPASS_STATE_DIR || undefined;
  const product0 = values.product || io.env.GATEPASS_PRODUCT || (explicitState ? undefined : await soleProduct(io.env));
  const stateDir = resolve(explicitState ?? defaultStateDir(product0!, io.env));
  const store = new StateStore(stateDir);
  const saved = JSON.parse((await store.read(CONFIG_FILE)) ?? '{}') as CliConfig;
  const product = product0 ?? saved.product;
  if (!product) throw new UsageError('--product is required');
  const pinned = values.fingerprint ?? saved.fingerprint;
  const portal = (values.portal ?? saved.portal)?.replace(/\/+$/, '');
  if ((command === 'request' || command === 'install' || command === 'activate') && (values.product || values.fingerprint || values.portal)) {
    const config: CliConfig = { ...saved, product, ...(pinned ? { fingerprint: pinned } : {}), ...(portal ? { portal } : {}) };
    await store.write(CONFIG_FILE, JSON.stringify(config, null, 2), 0o644);
  }
  // An explicit state directory is a separate simulated machine: mix it into the fingerprint.
  const fingerprint = pinned ?? (await machineFingerprint(product, { env: io.env, namespace: explicitState ? stateDir : undefined }));

  if (command === 'fingerprint') {
    io.stdout(`${fingerprint}\n`);
    return 0;
  }
  const mayFetch = command === 'request' || command === 'install' || command === 'activate';
  const jwksSource = values.jwks ?? (values.portal && mayFetch ? `${portal}/.well-known/jwks.json` : undefined);
  const jwks = await loadJwks(jwksSource, store, mayFetch, io);
  const online = !values.code && (command === 'activate' || command === 'refresh' || (command === 'deactivate' && Boolean(values.portal)));
  if (online && !portal) throw new UsageError(`${command} online needs --portal URL`);
  const client = createGatepassClient({ product, jwks, stateDir, fingerprint, portalUrl: portal, fetch: io.fetch });
  const emit = async (text: string, what: string) => {
    if (values.out) {
      await writeFile(resolve(values.out), text);
      io.stderr(`Wrote the ${what} to ${values.out}. Upload it at the activation portal.\n`);
    } else io.stdout(text);
  };

  if (values.code) return runCode(command, rest, { client, portal, qrFile: values.qr, duration: values.duration, licenseKey: values['license-key'], io });

  switch (command) {
    case 'request': {
      if (!values['license-key']) throw new UsageError('--license-key is required');
      await emit(await client.createActivationRequest({ licenseKey: values['license-key'], requestedDuration: durationOf(values.duration) }), 'activation request');
      return 0;
    }
    case 'activate': {
      if (!values['license-key']) throw new UsageError('--license-key is required');
      const { created, check } = await client.activateOnline({ licenseKey: values['license-key'], requestedDuration: durationOf(values.duration) });
      io.stdout(`${created ? 'Activated: this machine took a seat.' : 'Activated again: this machine already held a seat, its lease is renewed.'}\n${describe(check)}`);
      return 0;
    }
    case 'refresh': {
      const { check } = await client.refreshOnline({ requestedDuration: durationOf(values.duration) });
      io.stdout(`Refreshed.\n${describe(check)}`);
      return 0;
    }
    case 'install': {
      const file = rest[0];
      if (!file) throw new UsageError('install needs the license FILE');
      const text = await readFile(file, 'utf8').catch(() => {
        throw new UsageError(`cannot read ${file}`);
      });
      io.stdout(describe(await client.installLicense(text)));
      return 0;
    }
    case 'status': {
      const check = await client.check();
      if (values.json) {
        const { claims, ...rest } = check;
        io.stdout(`${JSON.stringify({ ...rest, license: claims ?? null }, null, 2)}\n`);
      } else io.stdout(describe(check));
      return check.ok ? 0 : 3;
    }
    default: {
      if (online) {
        await client.deactivateOnline({ usage: parseUsage(values.usage) });
        io.stdout('Deactivated: the license is removed from this machine and its seat is free.\n');
        return 0;
      }
      await emit(await client.createDeactivation({ usage: parseUsage(values.usage) }), 'deactivation file');
      return 0;
    }
  }
}

/** Prints a code in rows of five groups, its QR code, and writes the QR as SVG when asked. */
async function printCode(code: string, what: string, context: { portal?: string; qrFile?: string; io: CliIo }): Promise<void> {
  const groups = code.split('-');
  const rows: string[] = [];
  for (let i = 0; i < groups.length; i += 5) rows.push(`  ${groups.slice(i, i + 5).join('-')}`);
  const content = codeQrContent(code, context.portal);
  const where = context.portal ? `open ${context.portal}/code` : 'open the activation portal\'s /code page';
  context.io.stdout(`${what} (${groups.length} groups of five):\n\n${rows.join('\n')}\n\nScan the QR code with a phone, or ${where} and type the code.\n${await terminalQr(content)}\n`);
  if (context.qrFile) {
    await writeFile(resolve(context.qrFile), await svgQr(content));
    context.io.stderr(`Wrote the QR code to ${context.qrFile}.\n`);
  }
}

/** The air-gapped commands: `request --code`, `install --code CODE`, `deactivate --code`. */
async function runCode(
  command: string,
  rest: string[],
  { client, portal, qrFile, duration, licenseKey, io }: { client: ReturnType<typeof createGatepassClient>; portal?: string; qrFile?: string; duration?: string; licenseKey?: string; io: CliIo },
): Promise<number> {
  const values = { portal, qrFile, io };
  switch (command) {
    case 'request': {
      if (duration) throw new UsageError('--duration cannot be sent in a request code: the plan decides the lease');
      if (!licenseKey) throw new UsageError('--license-key is required');
      await printCode(await client.createRequestCode({ licenseKey }), 'Activation request code', values);
      return 0;
    }
    case 'install': {
      if (rest.length === 0) throw new UsageError('install --code needs the RESPONSE CODE the portal shows');
      io.stdout(describe(await client.installResponseCode(rest.join(' '))));
      return 0;
    }
    case 'deactivate': {
      await printCode(await client.createDeactivationCode(), 'Deactivation code', values);
      io.stdout('The license is removed from this machine. Enter the code at the portal to free its seat.\n');
      return 0;
    }
    default:
      throw new UsageError(`--code works with request, install and deactivate, not ${command}`);
  }
}

/**
 * Runs the CLI and returns its exit code; expected failures print one line to stderr.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const full: CliIo = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    fetch,
    ...io,
  };
  try {
    return await run(argv, full);
  } catch (error) {
    const parseError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (error instanceof UsageError || parseError) {
      full.stderr(`gatepass: ${(error as Error).message}. Run "gatepass --help".\n`);
      return 2;
    }
    if (error instanceof SdkError || isProtocolError(error)) {
      full.stderr(`gatepass: ${error.message}\n`);
      return 1;
    }
    full.stderr(`gatepass: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
    return 1;
  }
}
