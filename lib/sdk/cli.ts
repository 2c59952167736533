/**
 * `gatepass` command line (docs/PROTOCOL.md "CLI"): the SDK for shell scripts,
 * support and tests. bin/gatepass.mjs only loads this file and calls main().
 *
 * Exit codes: 1 error, 2 usage error; `status` (and install, activate and refresh once
 * they succeed) exit with the license state's own code (STATE_EXIT_CODES: 0 valid,
 * 3 expiring, 4 grace, 5 expired, 6 clock tampered, 7 revoked, 8 invalid, 9 not activated).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isProtocolError, parseDuration, type JSONWebKeySet, type UsageCounters } from '../protocol';
import { createGatepassClient } from './client';
import { SdkError } from './errors';
import { codeQrContent, svgQr, terminalQr } from './code-qr';
import { machineFingerprint } from './fingerprint';
import { checkJson, cliErrorMessage, describeCheck, portalPage, refusalHint, STATE_EXIT_CODES, type CliContext } from './cli-report';
import { defaultStateDir, StateStore } from './state-store';

const USAGE = `Usage: gatepass <command> [options]

Commands:
  request --license-key KEY [--duration 30d] [--out FILE]   write an activation request
  install FILE...                                           install the license file made for this machine (of those given)
  status [--json]                                           check the installed license offline
  deactivate [--usage name=n ...] [--out FILE]              write a deactivation file, remove the license
  fingerprint                                               print this machine's fingerprint
  revocations install FILE                                  install a revocation list (alone, or the one in any license file)

Air-gapped (no file crosses: codes typed or scanned at the portal's /code page):
  request --code --license-key KEY [--qr FILE.svg]          print an activation request code and its QR code
  install --code "RESPONSE CODE"                            verify and install the response code from the portal
  deactivate --code [--qr FILE.svg]                         print a deactivation code, remove the license

Online (when the machine can reach the portal; same files, sent for you):
  activate --portal URL --license-key KEY [--duration 30d]  request, upload and install in one step
  refresh --portal URL                                      a new lease for this machine's seat (never takes a new seat)
  deactivate --portal URL [--usage name=n ...]              deactivate and free the seat at once (sends a saved file again)

Options:
  --product SLUG     product slug (remembered in the state directory)
  --state DIR        state directory; each directory acts as a separate machine
  --jwks URL|FILE    trusted keys; a URL is fetched only by request/install/activate and cached
  --portal URL       the portal for online commands (remembered); its JWKS is used when --jwks is absent
  --fingerprint FP   use this fingerprint instead of the machine's (remembered)
  -h, --help         show this help

Exit codes: 1 error, 2 usage error. status, install, activate and refresh exit with the
license state: 0 valid, 3 expiring, 4 grace, 5 expired, 6 clock tampered, 7 revoked,
8 invalid, 9 not activated. status --json prints the fields documented in docs/PROTOCOL.md.
`;

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  fetch: typeof fetch;
}

class UsageError extends Error {}

/** A failure the CLI itself finds (not the SDK's, not the portal's): exit 1. */
class CliError extends Error {}

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

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    io.stdout(USAGE);
    return command || values.help ? 0 : 2;
  }
  const known = ['request', 'install', 'status', 'deactivate', 'fingerprint', 'activate', 'refresh', 'revocations'];
  if (!known.includes(command)) throw new UsageError(`unknown command "${command}"`);
  if (command === 'revocations' && (rest[0] !== 'install' || rest.length !== 2)) throw new UsageError('use: gatepass revocations install FILE');
  if (command !== 'install' && command !== 'revocations' && rest.length > 0) throw new UsageError(`unexpected argument "${rest.at(-1)}"`);

  const explicitState = values.state || io.env.GATEPASS_STATE_DIR || undefined;
  const product0 = values.product || io.env.GATEPASS_PRODUCT || (explicitState ? undefined : await soleProduct(io.env));
  const stateDir = resolve(explicitState ?? defaultStateDir(product0!, io.env));
  const store = new StateStore(stateDir);
  const saved = JSON.parse((await store.read(CONFIG_FILE)) ?? '{}') as CliConfig;
  const product = product0 ?? saved.product;
  if (!product) throw new UsageError('--product is required');
  const pinned = values.fingerprint ?? saved.fingerprint;
  // A portal's own JWKS URL names the portal too, so hints can point at its pages.
  const jwksPortal = values.jwks && /^https?:\/\/.+\/\.well-known\/jwks\.json$/i.test(values.jwks) ? values.jwks.replace(/\/\.well-known\/jwks\.json$/i, '') : undefined;
  const portal = (values.portal ?? saved.portal ?? jwksPortal)?.replace(/\/+$/, '');
  // Every command remembers what it was told, so later commands (online ones too) need fewer options.
  if (values.product || values.fingerprint || values.portal || (jwksPortal && !saved.portal)) {
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
  const context: CliContext = { portal, pendingDeactivation: await client.pendingDeactivation(), revocationList: await client.revocationList() };
  const emit = async (text: string, what: 'activation request' | 'deactivation file') => {
    if (values.out) {
      await writeFile(resolve(values.out), text);
      const next = what === 'activation request' ? ', then run gatepass install FILE with the license file you download' : ' to free the seat';
      io.stderr(`Wrote the ${what} to ${values.out}. Upload it on ${portalPage(context, what === 'activation request' ? 'Activate' : 'Deactivate')}${next}.\n`);
    } else io.stdout(text);
  };
  try {
    return await runCommand();
  } catch (error) {
    // The SDK's sentences speak to an application's user; at a shell, say which command to run.
    if (error instanceof SdkError) {
      const hint = refusalHint(command, error.portalCode, context);
      const cli = cliErrorMessage(error.code, context);
      const saved = error.savedFile ? ` The deactivation file was saved to ${error.savedFile}: upload it on ${portalPage(context, 'Deactivate')}, or run gatepass deactivate again later.` : '';
      const message = cli ? `${cli}${saved}` : hint ? `${error.message}\n${hint}` : undefined;
      if (message) throw new SdkError(error.code, { message, portalCode: error.portalCode, httpStatus: error.httpStatus, savedFile: error.savedFile }, { cause: error });
    }
    throw error;
  }

  async function runCommand(): Promise<number> {
    if (values.code) return runCode(command!, rest, { client, portal, qrFile: values.qr, duration: values.duration, licenseKey: values['license-key'], io, context });
    switch (command) {
      case 'request': {
        if (!values['license-key']) throw new UsageError('--license-key is required');
        await emit(await client.createActivationRequest({ licenseKey: values['license-key'], requestedDuration: durationOf(values.duration) }), 'activation request');
        return 0;
      }
      case 'activate': {
        if (!values['license-key']) throw new UsageError('--license-key is required');
        const { created, check } = await client.activateOnline({ licenseKey: values['license-key'], requestedDuration: durationOf(values.duration) });
        io.stdout(`${created ? 'Activated: this machine took a seat.' : 'Activated again: this machine already held a seat, its lease is renewed.'}\n${describeCheck(check, context)}`);
        return STATE_EXIT_CODES[check.status];
      }
      case 'refresh': {
        const { check } = await client.refreshOnline({ requestedDuration: durationOf(values.duration) });
        io.stdout(`Refreshed: the lease of this machine's seat (${check.claims?.seat_id}) is renewed.\n${describeCheck(check, context)}`);
        return STATE_EXIT_CODES[check.status];
      }
      case 'install': {
        if (rest.length === 0) throw new UsageError('install needs the license FILE');
        const check = await client.installLicense(await licenseForThisMachine(rest));
        io.stdout(describeCheck(check, context));
        return STATE_EXIT_CODES[check.status];
      }
      case 'revocations': {
        const text = await readFile(rest[1]!, 'utf8').catch(() => {
          throw new UsageError(`cannot read ${rest[1]}`);
        });
        const list = await client.installRevocationList(text);
        const check = await client.check();
        io.stdout(`Revocation list #${list.sequence} of ${list.issuedAt.toISOString()} is installed (${list.size} entries).\n${describeCheck(check, { ...context, revocationList: list })}`);
        return STATE_EXIT_CODES[check.status];
      }
      case 'status': {
        const check = await client.check();
        io.stdout(values.json ? `${JSON.stringify(checkJson(check, context), null, 2)}\n` : describeCheck(check, context));
        return STATE_EXIT_CODES[check.status];
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

  /**
   * Of the files given (a shell glob may match the files of several machines), the text of
   * the one made for this machine, the newest when several are; with one file, its own error.
   */
  async function licenseForThisMachine(files: string[]): Promise<string> {
    const candidates: { file: string; text: string; iat: number }[] = [];
    const failures: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8').catch(() => {
        throw new UsageError(`cannot read ${file}`);
      });
      if (files.length === 1) return text;
      try {
        candidates.push({ file, text, iat: (await client.verifyLicense(text)).iat });
      } catch (error) {
        if (!(error instanceof SdkError) && !isProtocolError(error)) throw error;
        failures.push(`${file}: ${error.message}`);
      }
    }
    const newest = candidates.sort((a, b) => b.iat - a.iat)[0];
    if (!newest) throw new CliError(`None of the ${files.length} files is a license file for this machine.\n${failures.join('\n')}`);
    return newest.text;
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
  {
    client,
    portal,
    qrFile,
    duration,
    licenseKey,
    io,
    context,
  }: { client: ReturnType<typeof createGatepassClient>; portal?: string; qrFile?: string; duration?: string; licenseKey?: string; io: CliIo; context: CliContext },
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
      const check = await client.installResponseCode(rest.join(' '));
      io.stdout(describeCheck(check, context));
      return STATE_EXIT_CODES[check.status];
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
    if (error instanceof SdkError || error instanceof CliError || isProtocolError(error)) {
      full.stderr(`gatepass: ${error.message}\n`);
      return 1;
    }
    full.stderr(`gatepass: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
    return 1;
  }
}
