import { isProtocolError, protocolErrorMessage, type ProtocolErrorCode } from '@/lib/protocol';
import { fail, type Failure, type LicensingErrorCode } from '@/lib/core/result';

/** Protocol codes the portal can meet while reading uploads, under the same names. */
const CODE: Record<ProtocolErrorCode, LicensingErrorCode> = {
  ERR_ARTIFACT_MALFORMED: 'ERR_ARTIFACT_MALFORMED',
  ERR_ARTIFACT_KIND: 'ERR_ARTIFACT_KIND',
  ERR_ARTIFACT_TOO_LARGE: 'ERR_ARTIFACT_TOO_LARGE',
  ERR_SIGNATURE_INVALID: 'ERR_SIGNATURE_INVALID',
  ERR_UNKNOWN_KEY: 'ERR_UNKNOWN_KEY',
  ERR_DECRYPT_FAILED: 'ERR_DECRYPT_FAILED',
  ERR_REQUEST_EXPIRED: 'ERR_REQUEST_EXPIRED',
  ERR_REQUEST_FROM_FUTURE: 'ERR_REQUEST_FROM_FUTURE',
  ERR_CLAIMS_INVALID: 'ERR_CLAIMS_INVALID',
  ERR_DEVICE_METADATA_UNSAFE: 'ERR_DEVICE_METADATA_UNSAFE',
  ERR_WRONG_DEVICE: 'ERR_WRONG_DEVICE',
  ERR_WRONG_PRODUCT: 'ERR_WRONG_PRODUCT',
  ERR_CODE_MISTYPED: 'ERR_CODE_MISTYPED',
  // Only the SDK meets this one (installing an encrypted license file without the key).
  ERR_LICENSE_KEY_REQUIRED: 'ERR_ARTIFACT_MALFORMED',
};

/**
 * Turns a ProtocolError from reading an upload into the domain's Failure, keeping
 * the protocol's one wording (STYLE.md rule 2). Anything else is a bug: rethrown.
 */
export function failureFromProtocolError(error: unknown): Failure {
  if (!isProtocolError(error)) throw error;
  const code = CODE[error.code];
  return fail(code, code === error.code ? error.message : protocolErrorMessage('ERR_ARTIFACT_MALFORMED', { kind: error.kind, asCode: error.asCode }));
}
