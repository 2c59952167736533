// ESLint: Next.js's recommended rules (with Core Web Vitals and TypeScript), zero warnings
// in `npm test` (scripts/test.mjs).
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-*/**', 'public/islands/**', 'node_modules/**', 'data/**', '.gatepass-test/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'packages/sdk/dist/**'],
  },
  {
    rules: {
      // `_name` marks an argument a signature needs but the body does not.
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The end-user pages (pages/) run without Next's client router (docs/DECISIONS.md
      // "Portal pages"): a plain <a> to them is the right link, from anywhere.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
];

export default config;
