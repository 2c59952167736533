// ESLint: Next.js's recommended rules (with Core Web Vitals and TypeScript), zero warnings
// in `npm test` (scripts/test.mjs).
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-test/**', 'node_modules/**', 'data/**', '.gatepass-test/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'packages/sdk/dist/**'],
  },
  {
    rules: {
      // `_name` marks an argument a signature needs but the body does not.
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];

export default config;
