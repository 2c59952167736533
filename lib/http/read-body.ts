/**
 * Reads a request body up to `maxBytes` and stops reading beyond it, so an
 * oversized upload is refused before anything parses it (DESIGN.md "Bad input":
 * oversized upload). A declared Content-Length over the cap is refused unread.
 */
import type { z } from 'zod';
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

/** A JSON body, read up to `maxBytes` and checked by `schema`; field problems are named in the sentence. */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S, maxBytes = 64 * 1024): Promise<Result<{ data: z.output<S>; text: string }>> {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return fail('ERR_UNSUPPORTED_MEDIA_TYPE', 'Send a JSON body with Content-Type: application/json.');
  }
  const read = await readBodyWithLimit(request, maxBytes);
  if (!read.ok) return fail('ERR_BODY_TOO_LARGE', `The body is larger than this endpoint accepts (${Math.round(maxBytes / 1024)} KB).`);
  const text = new TextDecoder().decode(read.bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('ERR_VALIDATION', 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
    return fail('ERR_VALIDATION', `Check the body: ${problems.join('; ')}.`);
  }
  return { ok: true, data: parsed.data, text };
}

/** The query string, checked by a strict `schema`; an unknown parameter is named with the ones there are. */
export function readQuery<S extends z.ZodType>(request: Request, schema: S, known: string): Result<{ data: z.output<S> }> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (parsed.success) return { ok: true, data: parsed.data };
  const problems = parsed.error.issues.map((issue) => (issue.code === 'unrecognized_keys' ? `Unknown query parameter ${issue.keys.join(', ')}: use ${known}.` : issue.message));
  return fail('ERR_VALIDATION', problems.join(' '));
}
