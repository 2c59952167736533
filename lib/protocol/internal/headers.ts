/**
 * Reading protected headers and claims of untrusted artifacts before and after
 * jose checks them.
 */
import { decodeProtectedHeader, type ProtectedHeaderParameters } from 'jose';
import type { z } from 'zod';
import { ProtocolError } from '../errors';
import { ARTIFACT_TYP, type ArtifactKind } from '../types';
import { describeIssues, UNSAFE_DEVICE_TEXT } from './schemas';

const KIND_BY_TYP = new Map<string, ArtifactKind>(
  (Object.entries(ARTIFACT_TYP) as [ArtifactKind, string][]).map(([kind, typ]) => [typ, kind]),
);

/**
 * Decodes the protected header and checks its `typ` names the expected kind
 * (DESIGN.md "Fixed details": every protected header has `typ`; RFC 8725 §3.11
 * explicit typing keeps one kind of token from being accepted as another).
 */
export function readProtectedHeader(compact: string, kind: ArtifactKind): ProtectedHeaderParameters {
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(compact);
  } catch (error) {
    throw new ProtocolError('ERR_ARTIFACT_MALFORMED', { kind }, { cause: error });
  }
  if (header.typ !== ARTIFACT_TYP[kind]) {
    const foundKind = typeof header.typ === 'string' ? KIND_BY_TYP.get(header.typ) : undefined;
    throw foundKind
      ? new ProtocolError('ERR_ARTIFACT_KIND', { kind, foundKind })
      : new ProtocolError('ERR_ARTIFACT_MALFORMED', { kind });
  }
  return header;
}

/** Parses a verified payload as JSON and validates it; failures are ERR_CLAIMS_INVALID. */
export function parseClaims<S extends z.ZodType>(schema: S, payload: Uint8Array, kind: ArtifactKind): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
  } catch (error) {
    throw new ProtocolError('ERR_CLAIMS_INVALID', { kind, issues: ['(root): not JSON'] }, { cause: error });
  }
  const result = schema.safeParse(json);
  if (!result.success) throw claimsError(result.error, kind);
  return result.data;
}

/** A device name that hides or reorders characters gets its own code: the fix differs. */
function claimsError(error: z.ZodError, kind: ArtifactKind): ProtocolError {
  const unsafe = error.issues.some((issue) => issue.path[0] === 'device' && issue.message === UNSAFE_DEVICE_TEXT);
  return new ProtocolError(unsafe ? 'ERR_DEVICE_METADATA_UNSAFE' : 'ERR_CLAIMS_INVALID', { kind, issues: describeIssues(error) });
}

/** Validates claims we are about to sign: a failure is the caller's bug, but still a typed error. */
export function assertClaims<S extends z.ZodType>(schema: S, claims: unknown, kind: ArtifactKind): z.output<S> {
  const result = schema.safeParse(claims);
  if (!result.success) throw claimsError(result.error, kind);
  return result.data;
}
