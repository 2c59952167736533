/**
 * Same-origin checks at the edges: where the portal may send a browser after sign-in,
 * and which cookie-authenticated state changes it accepts. Both compare parsed origins
 * (WHATWG URL), never string prefixes: a browser reads `/\evil.example` and `/<TAB>/evil`
 * as `//evil.example`, which a prefix check lets through (issue 13, points 1 and 5).
 */
import { apiError } from '@/lib/http/api-response';

/** The origin this request was addressed to, from its Host header (as Next's server actions compare). */
export function requestOrigin(headers: Headers): string | null {
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host')?.trim();
  if (!host) return null;
  try {
    return new URL(`http://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * `value` as a path on `origin`, or `fallback` when it is not one: only a value that
 * starts with `/` and still resolves to `origin` is followed. The answer is the
 * normalized path, query and fragment, so what the browser gets is what was checked.
 *
 * @example
 * sameOriginPath('/admin?x=1', 'http://localhost:3000', '/staff'); // '/admin?x=1'
 * sameOriginPath('/%5Cevil.example/x', 'http://localhost:3000', '/staff'); // '/staff'
 */
export function sameOriginPath(value: unknown, origin: string, fallback: string): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  // An escaped slash, backslash or control character has no business in a return path.
   
  if (/[\\\u0000-\u001f\u007f]/.test(decoded) || decoded.startsWith('//')) return fallback;
  try {
    const url = new URL(value, origin);
    if (url.origin !== origin) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

const CROSS_ORIGIN_MESSAGE = 'This request came from another site, so the portal refused it. Open the portal itself and try again there.';

/**
 * The CSRF check of every state-changing route handler that acts on a session cookie
 * (server actions get the same check from Next.js): a request whose `Origin` names
 * another host, or `null`, or that the browser marks `Sec-Fetch-Site: cross-site`, is
 * answered 403. A request without either header comes from no browser, so it carries
 * no cookie its sender did not already hold.
 *
 * @example
 * export async function POST(request: Request) {
 *   const refused = refuseCrossOrigin(request);
 *   if (refused) return refused;
 *   …
 * }
 */
export function refuseCrossOrigin(request: Request): Response | null {
  const origin = request.headers.get('origin');
  const site = request.headers.get('sec-fetch-site');
  const own = requestOrigin(request.headers);
  let foreign = site === 'cross-site' || site === 'same-site';
  if (origin !== null) {
    try {
      foreign ||= own === null || new URL(origin).host !== new URL(own).host;
    } catch {
      foreign = true; // `null` (sandboxed frames, redirects across origins) or garbage
    }
  }
  return foreign ? apiError('ERR_FORBIDDEN', CROSS_ORIGIN_MESSAGE) : null;
}
