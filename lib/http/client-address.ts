/**
 * The client address used for rate limits and audit rows. `npm start` serves Next.js
 * through scripts/server.mjs, which overwrites X-Forwarded-For with the socket address
 * unless GATEPASS_TRUST_PROXY=1; behind a trusted proxy that appends the peer it saw
 * (nginx `proxy_add_x_forwarded_for`, Caddy, Traefik), the rightmost entry is the one
 * our nearest hop vouches for. Either way the rightmost entry is the address to use.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
  const address = last ?? headers.get('x-real-ip')?.trim() ?? '';
  // IPv4-mapped IPv6 ("::ffff:10.0.0.1") reads better, and limits better, as IPv4.
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1').slice(0, 64);
}
