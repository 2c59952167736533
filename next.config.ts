import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from 'next/constants';
import { buildIslands } from './scripts/build-islands.mjs';

const nextConfig: NextConfig = {
  // `npm test` builds into .next-test, so it never replaces the build a running `npm start` serves.
  distDir: process.env.GATEPASS_DIST_DIR || '.next',
  // The native SQLite driver is loaded by Node at run time, not bundled.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  experimental: {
    // forbidden() answers a signed-in user without the role with a real 403 page.
    authInterrupts: true,
    serverActions: {
      // Artifacts are capped at 64 KiB (lib/protocol MAX_ARTIFACT_BYTES); the rest is form overhead.
      bodySizeLimit: '256kb',
    },
  },
  async rewrites() {
    // App Router does not route dot-folders, so the well-known URL is served by the API route.
    return [{ source: '/.well-known/jwks.json', destination: '/api/v1/jwks' }];
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=(), interest-cohort=()' },
          // Browsers ignore it over plain http; behind TLS it keeps the staff cookie off http.
          { key: 'Strict-Transport-Security', value: 'max-age=31536000' },
        ],
      },
      {
        // Pages get a nonce-based policy from proxy.ts; JSON and key sets need none of it.
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
      {
        source: '/.well-known/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

/** The end-user pages' islands bundle is built beside every build and dev server (scripts/build-islands.mjs). */
export default async function config(phase: string): Promise<NextConfig> {
  if (phase === PHASE_PRODUCTION_BUILD) await buildIslands();
  if (phase === PHASE_DEVELOPMENT_SERVER) await buildIslands({ dev: true, watch: true });
  return nextConfig;
}
