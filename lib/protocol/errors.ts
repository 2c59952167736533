/**
 * Protocol errors: one code union, one table of words. The portal, the API and
 * the CLI show `error.message` as is, so nobody words the same error twice
 * (STYLE.md "What that means here" rule 2).
 */
import type { ArtifactKind } from './types';

/** Every way reading or writing a Gatepass artifact can fail (docs/PROTOCOL.md "Error codes"). */
export type ProtocolErrorCode =
  | 'ERR_ARTIFACT_MALFORMED'
  | 'ERR_ARTIFACT_KIND'
  | 'ERR_ARTIFACT_TOO_LARGE'
  | 'ERR_SIGNATURE_INVALID'
  | 'ERR_UNKNOWN_KEY'
  | 'ERR_DECRYPT_FAILED'
  | 'ERR_LICENSE_KEY_REQUIRED'
  | 'ERR_REQUEST_EXPIRED'
  | 'ERR_REQUEST_FROM_FUTURE'
  | 'ERR_CLAIMS_INVALID'
  | 'ERR_DEVICE_METADATA_UNSAFE'
  | 'ERR_WRONG_DEVICE'
  | 'ERR_WRONG_PRODUCT'
  | 'ERR_CODE_MISTYPED';

/** Context that makes a message precise: which kind was expected and which was found. */
export interface ProtocolErrorDetails {
  /** The kind of artifact the caller was reading or writing. */
  kind?: ArtifactKind;
  /** For ERR_ARTIFACT_KIND: the kind the text actually holds. */
  foundKind?: ArtifactKind;
  /** For ERR_CLAIMS_INVALID: which claims failed, for logs (never shown to end users). */
  issues?: string[];
  /** The artifact is a typed code (docs/PROTOCOL.md "Activation codes"), not a file. */
  asCode?: boolean;
  /** For ERR_CODE_MISTYPED: the group (1-based) that fails its check. */
  group?: number;
  /** For ERR_CODE_MISTYPED: characters too many (positive) or too few (negative). */
  lengthDelta?: number;
}

const NOUN: Record<ArtifactKind, string> = {
  request: 'activation request',
  license: 'license file',
  deactivation: 'deactivation file',
  revocations: 'revocation list',
};

const WITH_ARTICLE: Record<ArtifactKind, string> = {
  request: 'an activation request',
  license: 'a license file',
  deactivation: 'a deactivation file',
  revocations: 'a revocation list',
};

/** What the person should do to get a good file of each kind. */
const GET_A_GOOD_ONE: Record<ArtifactKind, string> = {
  request: 'Create one in the application (Help → Activate offline) and upload that file unchanged.',
  license: 'Download the license file again from the activation portal and install it unchanged.',
  deactivation:
    'Upload the file exactly as the application wrote it (Help → Deactivate). If it is lost, ask support to release the seat.',
  revocations: 'Download the current revocation list from the activation portal (or use a license file it issued) and install it unchanged.',
};

/** The same sentences for typed codes: a request code, a response code, a deactivation code. */
const CODE_NOUN: Record<ArtifactKind, string> = {
  request: 'activation request code',
  license: 'response code',
  deactivation: 'deactivation code',
  revocations: 'revocation list',
};

const GET_A_GOOD_CODE: Record<ArtifactKind, string> = {
  request: 'Create a new code on the machine (gatepass request --code) and enter it exactly as shown.',
  license: 'Enter the response code exactly as the activation portal shows it.',
  deactivation: 'Create a new code on the machine (gatepass deactivate --code) and enter it exactly as shown. If that machine is lost, ask support to release the seat.',
  revocations: 'Download the current revocation list from the activation portal and install it unchanged.',
};

const noun = (d: ProtocolErrorDetails) => (d.kind ? (d.asCode ? CODE_NOUN : NOUN)[d.kind] : 'Gatepass file');
const fix = (d: ProtocolErrorDetails) =>
  d.kind ? (d.asCode ? GET_A_GOOD_CODE : GET_A_GOOD_ONE)[d.kind] : 'Use the file exactly as Gatepass wrote it.';
const withArticle = (kind: ArtifactKind, asCode?: boolean) => (asCode ? `${kind === 'request' ? 'an' : 'a'} ${CODE_NOUN[kind]}` : WITH_ARTICLE[kind]);

function mistyped(d: ProtocolErrorDetails): string {
  const where = `Group ${d.group ?? 1} of this ${noun(d)} looks mistyped`;
  const length = d.lengthDelta ? ` (the code has ${Math.abs(d.lengthDelta)} character${Math.abs(d.lengthDelta) === 1 ? '' : 's'} too ${d.lengthDelta > 0 ? 'many' : 'few'})` : '';
  return `${where}${length}. Compare it with the code on the screen, correct it, and try again.`;
}
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const MESSAGES: Record<ProtocolErrorCode, (d: ProtocolErrorDetails) => string> = {
  ERR_ARTIFACT_MALFORMED: (d) =>
    `This is not a Gatepass ${noun(d)}, or it is damaged. ${fix(d)}`,
  ERR_ARTIFACT_KIND: (d) =>
    d.foundKind && d.kind
      ? `This is ${withArticle(d.foundKind, d.asCode)}, not ${withArticle(d.kind, d.asCode)}. ${fix(d)}`
      : `This Gatepass file is of the wrong kind. ${fix(d)}`,
  ERR_CODE_MISTYPED: mistyped,
  ERR_ARTIFACT_TOO_LARGE: (d) =>
    `This file is too large to be a Gatepass ${noun(d)} (the limit is ${d.kind === 'license' || d.kind === 'revocations' ? '1 MB' : '64 KB'}). Check that you picked the right file.`,
  ERR_SIGNATURE_INVALID: (d) =>
    d.kind === 'revocations'
      ? 'This revocation list was changed after the portal signed it, or was not signed by your software vendor, so it cannot be trusted. Download it again from the activation portal.'
      : d.kind === 'license' && !d.asCode
      ? 'This license file was changed after the portal issued it, or was not issued by your software vendor, so it cannot be trusted. Download it again from the activation portal.'
      : `This ${noun(d)} was changed after it was created, so it cannot be trusted. ${fix(d)}`,
  ERR_UNKNOWN_KEY: (d) =>
    d.kind === 'license'
      ? 'This license file was signed with a key this application does not know. Update the application, or download a new license file from the activation portal.'
      : `This ${noun(d)} was made for another Gatepass portal. ${d.asCode ? 'Enter' : 'Upload'} it ${d.asCode ? 'at' : 'to'} the portal the application is set up for, or ask your vendor which portal to use.`,
  ERR_DECRYPT_FAILED: (d) =>
    d.kind === 'license'
      ? 'This license file was made for another machine or another license key, so it cannot be opened here. Create an activation request on this machine and upload it to the portal.'
      : `This ${noun(d)} could not be opened: it is damaged. ${fix(d)}`,
  ERR_LICENSE_KEY_REQUIRED: () =>
    'This license file is locked with your license key. Enter the license key you activated with, then install the file again.',
  ERR_REQUEST_EXPIRED: (d) =>
    `This ${noun(d)} is too old to be accepted. ${d.kind === 'deactivation' ? fix(d) : 'Create a new one in the application and upload it soon after.'}`,
  ERR_REQUEST_FROM_FUTURE: (d) =>
    `This ${noun(d)} is dated in the future: the clock of the computer that made it is wrong. Set that computer's date and time correctly, then create a new file.`,
  ERR_CLAIMS_INVALID: (d) =>
    `This ${noun(d)} is missing information or holds values Gatepass cannot accept. ${
      d.kind === 'license'
        ? 'Download it again from the activation portal; if that does not help, contact support.'
        : 'Update the application, then create a new file.'
    }`,
  ERR_DEVICE_METADATA_UNSAFE: (d) =>
    `This ${noun(d)} names the machine with invisible or text-direction characters (in its host name, operating system or app version), which could disguise what support sees. Rename the machine without them, or update the application, then create a new file.`,
  ERR_WRONG_DEVICE: (d) =>
    d.kind === 'license' && d.asCode
      ? 'This response code was made for another machine or for an earlier request code, so it cannot be installed here. Create a new request code on this machine (gatepass request --code) and enter it at the activation portal.'
      : d.kind === 'license' || !d.kind
      ? 'This license file belongs to another machine. Create an activation request on this machine and upload it to the portal.'
      : `This ${noun(d)} was not made by the machine that holds this seat. ${fix(d)}`,
  ERR_WRONG_PRODUCT: (d) =>
    d.kind === 'revocations'
      ? 'This revocation list is for another product. Download the list for this application from the activation portal.'
      : 'This license file is for another product. Download the license file for this application from the activation portal.',
};

/**
 * The one wording of each protocol error, for callers that hold only a code
 * (for example the API's error table).
 *
 * @example
 * protocolErrorMessage('ERR_ARTIFACT_KIND', { kind: 'request', foundKind: 'deactivation' });
 * // "This is a deactivation file, not an activation request. Create one in the application …"
 */
export function protocolErrorMessage(code: ProtocolErrorCode, details: ProtocolErrorDetails = {}): string {
  return capitalize(MESSAGES[code](details));
}

/**
 * An expected failure while reading or writing an artifact. Branch on `code`;
 * show `message` to people.
 *
 * @example
 * try {
 *   await verifyLicenseFile(text, { jwks, fingerprint });
 * } catch (error) {
 *   if (error instanceof ProtocolError && error.code === 'ERR_WRONG_DEVICE') showActivateHelp();
 *   else throw error;
 * }
 */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
  readonly code: ProtocolErrorCode;
  readonly kind?: ArtifactKind;
  readonly foundKind?: ArtifactKind;
  readonly issues?: string[];
  readonly asCode?: boolean;
  readonly group?: number;

  constructor(code: ProtocolErrorCode, details: ProtocolErrorDetails = {}, options?: { cause?: unknown }) {
    super(protocolErrorMessage(code, details), options);
    this.code = code;
    this.kind = details.kind;
    this.foundKind = details.foundKind;
    this.issues = details.issues;
    this.asCode = details.asCode;
    this.group = details.group;
  }
}

/**
 * Type guard for {@link ProtocolError}, optionally narrowed to one code.
 *
 * @example
 * if (isProtocolError(error, 'ERR_UNKNOWN_KEY')) return notFound();
 */
export function isProtocolError(error: unknown, code?: ProtocolErrorCode): error is ProtocolError {
  return error instanceof ProtocolError && (code === undefined || error.code === code);
}
