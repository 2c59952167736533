import { publicJwks } from '@/lib/instance/keys';

export const dynamic = 'force-dynamic';

/**
 * The vendor's public keys (RFC 7517 JWK Set): signing keys by `kid`, active and
 * retired, and the portal's request-encryption key. Served at /.well-known/jwks.json.
 */
export async function GET(): Promise<Response> {
  return Response.json(await publicJwks(), {
    headers: {
      // Keys change only on rotation; SDK builds and verifiers may cache for 5 minutes.
      'Cache-Control': 'public, max-age=300, stale-while-revalidate=60',
      'Access-Control-Allow-Origin': '*',
    },
  });
}
