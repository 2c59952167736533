/**
 * Reads a request body up to `maxBytes` and stops reading beyond it, so an
 * oversized upload is refused before anything parses it (DESIGN.md "Bad input":
 * oversized upload). A declared Content-Length over the cap is refused unread.
 */
import { fail, type Result } from '@/lib/core/result';
import { MAX_ARTIFACT_BYTES, protocolErrorMessage, type ArtifactKind } from '@/lib/protocol';

export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' };

export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<BodyRead> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: 'too-large' };
  if (!request.body) return { ok: true, bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: 'too-large' };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/**
 * The body of an upload endpoint: the artifact's armored text, sent as is
 * (`Content-Type: text/plain`). Other types are read as text too, because the armor
 * survives them (`curl --data-binary @file.req` sends form-urlencoded; a browser form
 * upload wraps the file in multipart boundaries); JSON is refused with what to send
 * instead. More than MAX_ARTIFACT_BYTES is refused unread.
 */
export async function readArtifactBody(request: Request, kind: ArtifactKind): Promise<Result<{ bytes: Uint8Array }>> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    return fail('ERR_UNSUPPORTED_MEDIA_TYPE', `Send the ${kind === 'request' ? 'activation request' : 'deactivation file'} text itself as the request body, with Content-Type: text/plain.`);
  }
  const read = await readBodyWithLimit(request, MAX_ARTIFACT_BYTES);
  if (!read.ok) return fail('ERR_ARTIFACT_TOO_LARGE', protocolErrorMessage('ERR_ARTIFACT_TOO_LARGE', { kind }));
  return { ok: true, bytes: read.bytes };
}
