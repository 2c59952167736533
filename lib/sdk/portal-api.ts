/**
 * The two REST calls of online mode (docs/PROTOCOL.md "Online mode"): the
 * armored artifact is posted as text/plain, exactly what a person would upload.
 */
import { SdkError } from './errors';

export interface PortalAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Posts an armored artifact to `${portalUrl}${path}` and returns the JSON
 * answer; maps network failures and `{ error: { code, message } }` answers to
 * SdkErrors.
 *
 * @example
 * const { status, body } = await postArtifact('https://licenses.example.com', '/api/v1/activations', text);
 */
export async function postArtifact(
  portalUrl: string,
  path: '/api/v1/activations' | '/api/v1/deactivations',
  armored: string,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<PortalAnswer> {
  const url = `${portalUrl.replace(/\/+$/, '')}${path}`;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8', accept: 'application/json' },
      body: armored,
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    throw new SdkError('ERR_PORTAL_UNREACHABLE', {}, { cause: error });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw new SdkError('ERR_PORTAL_RESPONSE_INVALID', { httpStatus: response.status }, { cause: error });
  }
  if (!response.ok) {
    const portalError = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    if (portalError && typeof portalError.message === 'string') {
      throw new SdkError('ERR_PORTAL_REJECTED', {
        message: portalError.message,
        portalCode: typeof portalError.code === 'string' ? portalError.code : undefined,
        httpStatus: response.status,
      });
    }
    throw new SdkError('ERR_PORTAL_RESPONSE_INVALID', { httpStatus: response.status });
  }
  if (typeof body !== 'object' || body === null) {
    throw new SdkError('ERR_PORTAL_RESPONSE_INVALID', { httpStatus: response.status });
  }
  return { status: response.status, body: body as Record<string, unknown> };
}
