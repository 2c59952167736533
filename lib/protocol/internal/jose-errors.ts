/**
 * Maps jose failures to protocol codes by their stable `code`, never by message
 * text (STYLE.md rule 3). Anything jose raises while reading untrusted input is
 * an expected failure; only our own ProtocolErrors pass through unchanged.
 */
import { errors } from 'jose';
import { ProtocolError, type ProtocolErrorCode } from '../errors';
import type { ArtifactKind } from '../types';

/** Which operation failed decides what a generic jose failure means. */
export type JoseStage = 'verify' | 'decrypt';

function codeFor(joseCode: string, stage: JoseStage): ProtocolErrorCode {
  switch (joseCode) {
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'ERR_SIGNATURE_INVALID';
    // An algorithm outside the allow-list (alg "none", HS256 …) is a forgery attempt
    // for a JWS (RFC 8725 §3.1) and a wrong construction for a JWE.
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return stage === 'verify' ? 'ERR_SIGNATURE_INVALID' : 'ERR_ARTIFACT_MALFORMED';
    case 'ERR_JWE_DECRYPTION_FAILED':
      return 'ERR_DECRYPT_FAILED';
    default:
      // ERR_JWS_INVALID, ERR_JWE_INVALID, ERR_JWK_INVALID, ERR_JOSE_NOT_SUPPORTED, …
      return 'ERR_ARTIFACT_MALFORMED';
  }
}

/**
 * Converts any error thrown while opening an artifact into a ProtocolError.
 * WebCrypto may throw plain DOMExceptions for hostile input (for example a
 * wrong-length key), which we also treat as a malformed artifact.
 */
export function toProtocolError(error: unknown, kind: ArtifactKind, stage: JoseStage): ProtocolError {
  if (error instanceof ProtocolError) return error;
  const code = error instanceof errors.JOSEError ? codeFor(error.code, stage) : 'ERR_ARTIFACT_MALFORMED';
  return new ProtocolError(code, { kind }, { cause: error });
}
