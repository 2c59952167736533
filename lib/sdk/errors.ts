/**
 * SDK errors: what can go wrong on the vendor's machine beyond the artifact
 * formats (those are ProtocolErrors). One table of words, as in lib/protocol.
 */
import type { ProtocolErrorCode } from '../protocol';

export type SdkErrorCode =
  | 'ERR_NOT_ACTIVATED'
  | 'ERR_LICENSE_KEY_MISSING'
  | 'ERR_NO_PORTAL_KEY'
  | 'ERR_NO_PORTAL_URL'
  | 'ERR_PORTAL_UNREACHABLE'
  | 'ERR_PORTAL_REJECTED'
  | 'ERR_PORTAL_RESPONSE_INVALID'
  | 'ERR_FINGERPRINT_UNAVAILABLE'
  | 'ERR_NO_PENDING_CODE'
  | 'ERR_REVOCATION_LIST_OLDER';

/** A reason a license check or an SDK call failed. */
export type GatepassErrorCode = ProtocolErrorCode | SdkErrorCode;

const MESSAGES: Record<SdkErrorCode, string> = {
  ERR_NOT_ACTIVATED:
    'This application is not activated on this machine. Create an activation request (Help → Activate offline) and upload it to the activation portal.',
  ERR_LICENSE_KEY_MISSING:
    'No license key is stored on this machine. Enter your license key and create a new activation request.',
  ERR_NO_PORTAL_KEY:
    "This application build has no activation portal key, so it cannot create activation files. Contact your software vendor.",
  ERR_NO_PORTAL_URL:
    'This application does not know the address of the activation portal. Activate offline instead (Help → Activate offline).',
  ERR_PORTAL_UNREACHABLE:
    'The activation portal could not be reached. Check the internet connection, or activate offline (Help → Activate offline).',
  ERR_PORTAL_REJECTED: 'The activation portal refused the request.',
  ERR_PORTAL_RESPONSE_INVALID:
    'The activation portal sent an answer this application does not understand. Try again later, or activate offline.',
  ERR_NO_PENDING_CODE:
    'No request code on this machine is waiting for an answer. Create one (gatepass request --code), enter it at the activation portal, then install the response code it shows.',
  ERR_FINGERPRINT_UNAVAILABLE:
    'This machine has no readable machine id. Set the GATEPASS_FINGERPRINT environment variable to a stable value unique to this machine.',
  ERR_REVOCATION_LIST_OLDER:
    'This revocation list is older than the one this machine has, so nothing was changed. Download the current list from the activation portal.',
};

/**
 * The one wording of each SDK error.
 *
 * @example
 * sdkErrorMessage('ERR_NOT_ACTIVATED'); // "This application is not activated on this machine. …"
 */
export function sdkErrorMessage(code: SdkErrorCode): string {
  return MESSAGES[code];
}

/**
 * An expected failure of an SDK call. For ERR_PORTAL_REJECTED, `message` is the
 * portal's own message (the portal words its errors) and `portalCode` its code.
 *
 * @example
 * try { await client.activateOnline({ licenseKey }); }
 * catch (e) { if (e instanceof SdkError && e.portalCode === 'ERR_SEATS_EXHAUSTED') showSeats(); }
 */
export class SdkError extends Error {
  override name = 'SdkError';
  readonly code: SdkErrorCode;
  /** The portal's `error.code`, for ERR_PORTAL_REJECTED. */
  readonly portalCode?: string;
  /** The HTTP status the portal answered with, when it answered. */
  readonly httpStatus?: number;
  /** For a failed online deactivation: where the deactivation file was saved for manual upload. */
  readonly savedFile?: string;

  constructor(
    code: SdkErrorCode,
    details: { message?: string; portalCode?: string; httpStatus?: number; savedFile?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(details.message ?? MESSAGES[code], options);
    this.code = code;
    this.portalCode = details.portalCode;
    this.httpStatus = details.httpStatus;
    this.savedFile = details.savedFile;
  }
}
