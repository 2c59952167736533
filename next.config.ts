import type { NextConfig } from 'next';

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
        ],
      },
    ];
  },
};

export default nextConfig;
