/**
 * What the `gatepass` CLI prints and exits with for a license check (docs/PROTOCOL.md
 * "CLI"): one exit code per state, the documented `--json` fields, and hints that speak
 * to a person at a shell (commands to run, the portal's address and page), never to the
 * menus of an application they may not have.
 */
import type { LicenseCheck, LicenseCheckStatus } from './license-check';

/** `status` (and install, activate, refresh after they succeed) exit with the state's code. */
export const STATE_EXIT_CODES = {
  valid: 0,
  expiring: 3,
  grace: 4,
  expired: 5,
  'clock-tampered': 6,
  revoked: 7,
  invalid: 8,
  'not-activated': 9,
} as const satisfies Record<LicenseCheckStatus, number>;

/** What the CLI knows about where it runs, for hints. */
export interface CliContext {
  /** The remembered or given portal URL, without a trailing slash. */
  portal?: string;
  /** Where a deactivation file waits for upload, when one does. */
  pendingDeactivation?: string | null;
  /** The installed revocation list, when there is one. */
  revocationList?: { sequence: number; issuedAt: Date } | null;
}

/** "the Activate page of https://licenses.example.com/" or the generic words without a URL. */
export function portalPage(context: CliContext, page: 'Activate' | 'Refresh' | 'Deactivate'): string {
  const path = { Activate: '/', Refresh: '/refresh', Deactivate: '/deactivate' }[page];
  return context.portal ? `the ${page} page of the activation portal (${context.portal}${path})` : `the ${page} page of your software vendor's activation portal`;
}

const portalOption = (context: CliContext) => (context.portal ? '' : ' --portal URL');

/** The commands that get a person from this state to a working license, or undefined. */
function stateHint(check: LicenseCheck, context: CliContext): string | undefined {
  const activate = `Online: gatepass activate${portalOption(context)} --license-key KEY. Offline: gatepass request --license-key KEY --out machine.req, upload machine.req on ${portalPage(context, 'Activate')}, then gatepass install FILE with the license file you download.`;
  const refresh = `Online: gatepass refresh${portalOption(context)}. Offline: gatepass request --license-key KEY --out machine.req, upload it on ${portalPage(context, 'Activate')} (it renews this machine's seat), then gatepass install FILE.`;
  switch (check.status) {
    case 'valid':
      return undefined;
    case 'expiring':
    case 'grace':
    case 'expired':
      return `To refresh: ${refresh}`;
    case 'clock-tampered':
      return check.tamperReason === 'clock-before-issued'
        ? 'Set the correct date and time, then run gatepass status again.'
        : `If the clock is correct now, refresh the license to clear this state. ${refresh}`;
    case 'revoked':
      return 'Only your software vendor can lift this: contact their support. A newer revocation list (gatepass revocations install FILE) clears it once they have.';
    case 'invalid':
      return `Install a license file made for this machine (gatepass install FILE), or activate again. ${activate}`;
    case 'not-activated':
      return context.pendingDeactivation
        ? `A deactivation file is waiting to be uploaded: ${context.pendingDeactivation}. Upload it on ${portalPage(context, 'Deactivate')}, or send it with gatepass deactivate${portalOption(context)}. To activate again: ${activate}`
        : `To activate: ${activate}`;
  }
}

/** The text `status`, `install`, `activate` and `refresh` print. */
export function describeCheck(check: LicenseCheck, context: CliContext): string {
  const lines = [`status: ${check.status}`];
  if (check.claims && !check.claims.license_id) {
    // A lease from a response code: the portal keeps the plan, license and seat.
    lines.push(`product: ${check.claims.product} (activated with a response code)`);
    if (check.leaseEnd && check.graceEnd) lines.push(`lease ends: ${check.leaseEnd.toISOString()} (grace until ${check.graceEnd.toISOString()})`);
  } else if (check.claims) {
    lines.push(`product: ${check.claims.product} (plan ${check.claims.plan})`, `license: ${check.claims.license_id}, seat ${check.claims.seat_id}`);
    if (check.leaseEnd && check.graceEnd) lines.push(`lease ends: ${check.leaseEnd.toISOString()} (grace until ${check.graceEnd.toISOString()})`);
    lines.push(`features: ${check.features.join(', ') || '(none)'}`);
  }
  if (context.revocationList) lines.push(`revocation list: #${context.revocationList.sequence} of ${context.revocationList.issuedAt.toISOString()}`);
  if (check.message && check.status !== 'not-activated') lines.push(check.message);
  if (check.status === 'not-activated') lines.push('This machine has no license installed.');
  const hint = stateHint(check, context);
  if (hint) lines.push(hint);
  return `${lines.join('\n')}\n`;
}

const iso = (date: Date | undefined) => date?.toISOString() ?? null;

/**
 * `status --json`: one object with the fields documented in docs/PROTOCOL.md "CLI".
 *
 * @example
 * JSON.parse(stdout).exit_code; // 3 when expiring
 */
export function checkJson(check: LicenseCheck, context: CliContext) {
  return {
    status: check.status,
    ok: check.ok,
    exit_code: STATE_EXIT_CODES[check.status],
    reason: check.reason ?? null,
    message: check.message ?? null,
    hint: stateHint(check, context) ?? null,
    tamper_reason: check.tamperReason ?? null,
    revoked_by: check.revokedBy ?? null,
    lease_end: iso(check.leaseEnd),
    grace_end: iso(check.graceEnd),
    seconds_left: check.secondsLeft ?? null,
    features: check.features,
    license: check.claims ?? null,
    revocation_list: context.revocationList ? { sequence: context.revocationList.sequence, issued_at: context.revocationList.issuedAt.toISOString() } : null,
    pending_deactivation: context.pendingDeactivation ?? null,
    portal: context.portal ?? null,
  };
}

/**
 * What to do after the portal refused an online command, by its error code, for the CLI
 * user (the portal's own sentence is printed first).
 */
export function refusalHint(command: string, portalCode: string | undefined, context: CliContext): string | undefined {
  if (command === 'refresh' && (portalCode === 'ERR_SEAT_NOT_REFRESHABLE' || portalCode === 'ERR_SEAT_NOT_FOUND')) {
    return `Nothing was refreshed and no seat was taken. To use this machine again, activate it (it takes a free seat): gatepass activate${portalOption(context)} --license-key KEY. If you did not free this seat, contact your software vendor's support.`;
  }
  if (portalCode === 'ERR_DEVICE_BLOCKED') return "Nothing was changed. Contact your software vendor's support.";
  if (portalCode === 'ERR_SEATS_EXHAUSTED') return `See the seats of your license on the My license page${context.portal ? ` (${context.portal}/license)` : ''}.`;
  return undefined;
}

/** The CLI's wording of SDK errors whose SDK sentence speaks of an application's menus. */
export function cliErrorMessage(code: string, context: CliContext): string | undefined {
  const activate = `gatepass activate${portalOption(context)} --license-key KEY`;
  switch (code) {
    case 'ERR_NOT_ACTIVATED':
      return `This machine has no license installed. ${stateHint({ status: 'not-activated', ok: false, features: [] }, context)}`;
    case 'ERR_LICENSE_KEY_MISSING':
      return `No license key is stored for this machine. Activate it again: ${activate}.`;
    case 'ERR_PORTAL_UNREACHABLE':
      return `The activation portal${context.portal ? ` (${context.portal})` : ''} could not be reached. Check the connection and the --portal URL, or work offline: gatepass request --license-key KEY --out machine.req, then upload machine.req on ${portalPage(context, 'Activate')}.`;
    default:
      return undefined;
  }
}
