/**
 * The client address used for rate limits and audit rows. `next start` sets
 * X-Forwarded-For to the socket address only when the request has none, and a
 * reverse proxy (nginx `proxy_add_x_forwarded_for`, Caddy, Traefik) appends the
 * address it saw, so the rightmost entry is the one our nearest hop vouches for.
 * Without a proxy in front, a client can send its own header and pick that entry:
 * docs/API.md says to run Gatepass behind one (or on a private network).
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
  const address = last ?? headers.get('x-real-ip')?.trim() ?? '';
  // IPv4-mapped IPv6 ("::ffff:10.0.0.1") reads better, and limits better, as IPv4.
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1').slice(0, 64);
}
