/**
 * The client's address for audit rows and rate limits: the last X-Forwarded-For hop.
 * scripts/server.mjs overwrites that header with the socket address unless
 * GATEPASS_TRUST_PROXY=1, in which case the reverse proxy appended the peer it saw.
 */
export function clientAddress(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || 'unknown';
}
