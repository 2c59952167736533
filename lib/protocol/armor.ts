/**
 * ASCII armor around the compact serializations (DESIGN.md "The artifacts":
 * armor lines so that email and copy-paste survive; body wrapped at 64).
 */
import { ProtocolError } from './errors';
import { ARMOR_LABEL, MAX_ARTIFACT_BYTES, MAX_ISSUED_FILE_BYTES, type ArtifactKind } from './types';

/** Width of an armor body line (DESIGN.md "Fixed details"). */
export const ARMOR_LINE_WIDTH = 64;

/** Compact JWS has 3 segments (RFC 7515 §7.1), compact JWE has 5 (RFC 7516 §7.1). */
const SEGMENTS: Record<ArtifactKind, number> = { request: 5, license: 3, deactivation: 5, revocations: 3 };

const KIND_BY_LABEL = new Map<string, ArtifactKind>(
  (Object.entries(ARMOR_LABEL) as [ArtifactKind, string][]).map(([kind, label]) => [label, kind]),
);

const BEGIN = /^-----BEGIN GATEPASS ([A-Z ]+)-----$/;
const BASE64URL_SEGMENT = /^[A-Za-z0-9_-]*$/;

/**
 * Wraps a compact serialization in Gatepass armor.
 *
 * @example
 * armor('license', 'eyJhbGciOiJFZERTQSJ9.e30.c2ln');
 * // "-----BEGIN GATEPASS LICENSE-----\neyJhbGciOiJFZERTQSJ9.e30.c2ln\n-----END GATEPASS LICENSE-----\n"
 */
export function armor(kind: ArtifactKind, compact: string): string {
  const label = ARMOR_LABEL[kind];
  const lines: string[] = [];
  for (let i = 0; i < compact.length; i += ARMOR_LINE_WIDTH) {
    lines.push(compact.slice(i, i + ARMOR_LINE_WIDTH));
  }
  return `-----BEGIN GATEPASS ${label}-----\n${lines.join('\n')}\n-----END GATEPASS ${label}-----\n`;
}

/** Refuses oversized input before anything else looks at it (DESIGN.md "Bad input": oversized upload). */
function assertSize(input: string | Uint8Array, kind?: ArtifactKind): void {
  // What the portal issues (a license file with its revocation list) may be larger than an upload.
  const cap = kind === 'license' || kind === 'revocations' ? MAX_ISSUED_FILE_BYTES : MAX_ARTIFACT_BYTES;
  const tooLarge =
    typeof input === 'string'
      ? // A string longer than the cap in UTF-16 units is larger in UTF-8 bytes too: skip the count.
        input.length > cap || Buffer.byteLength(input, 'utf8') > cap
      : input.byteLength > cap;
  if (tooLarge) throw new ProtocolError('ERR_ARTIFACT_TOO_LARGE', { kind });
}

function toText(input: string | Uint8Array): string {
  return typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
}

/** Drops email quoting ("> ", "> > "), indentation and trailing blanks from one line. */
function unquote(line: string): string {
  return line.replace(/^[\s>]*/, '').replace(/\s+$/, '');
}

interface Block {
  kind: ArtifactKind;
  body: string;
}

/** Every complete armor block in the text, in order. */
function findBlocks(text: string): { blocks: Block[]; sawBegin: boolean } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map(unquote);
  const blocks: Block[] = [];
  let sawBegin = false;
  for (let i = 0; i < lines.length; i++) {
    const begin = BEGIN.exec(lines[i]!);
    const kind = begin && KIND_BY_LABEL.get(begin[1]!);
    if (!kind) continue;
    sawBegin = true;
    const end = lines.indexOf(`-----END GATEPASS ${begin[1]}-----`, i + 1);
    if (end < 0) break;
    blocks.push({ kind, body: lines.slice(i + 1, end).join('') });
    i = end;
  }
  return { blocks, sawBegin };
}

/**
 * Canonical base64url only (RFC 4648 §3.5: unused bits are zero; RFC 7515 §2:
 * no padding). Otherwise two spellings decode to the same bytes and a changed
 * last character of a signature would go unnoticed.
 */
function isCanonicalBase64url(segment: string): boolean {
  return (
    BASE64URL_SEGMENT.test(segment) && Buffer.from(segment, 'base64url').toString('base64url') === segment
  );
}

function assertCompact(compact: string, kind: ArtifactKind): string {
  const segments = compact.split('.');
  if (segments.length !== SEGMENTS[kind] || !segments.every(isCanonicalBase64url)) {
    throw new ProtocolError('ERR_ARTIFACT_MALFORMED', { kind });
  }
  return compact;
}

/**
 * Returns the kind of the first Gatepass armor block in the text, or `null`.
 * Lets one upload box accept both activation requests and deactivation files.
 *
 * @example
 * detectArtifactKind(await file.text()); // 'request' | 'license' | 'deactivation' | null
 */
export function detectArtifactKind(input: string | Uint8Array): ArtifactKind | null {
  assertSize(input);
  return findBlocks(toText(input)).blocks[0]?.kind ?? null;
}

/**
 * Unwraps armored text (or its bytes) into the compact serialization, checking
 * the size first, then the armor kind, then the segment shape.
 *
 * Tolerates CRLF, text around the block, email quoting (`> `), indentation and
 * re-wrapped lines. Text that holds no armor at all but is itself a compact
 * serialization of the right shape is accepted too (the `typ` header, checked
 * by the callers, is what decides the kind).
 *
 * @throws {ProtocolError} ERR_ARTIFACT_TOO_LARGE, ERR_ARTIFACT_KIND, ERR_ARTIFACT_MALFORMED
 * @example
 * const compact = dearmor(uploadedText, 'request'); // "eyJhbGciOiJFQ0RILUVT…"
 */
export function dearmor(input: string | Uint8Array, kind: ArtifactKind): string {
  assertSize(input, kind);
  const text = toText(input);
  const { blocks, sawBegin } = findBlocks(text);
  const mine = blocks.find((b) => b.kind === kind);
  if (mine) return assertCompact(mine.body, kind);
  if (blocks[0]) throw new ProtocolError('ERR_ARTIFACT_KIND', { kind, foundKind: blocks[0].kind });
  if (!sawBegin) {
    const bare = text.trim();
    if (bare.length > 0 && !/\s/.test(bare)) return assertCompact(bare, kind);
  }
  throw new ProtocolError('ERR_ARTIFACT_MALFORMED', { kind });
}
