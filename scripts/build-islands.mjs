// Bundles the portal's end-user islands (components/islands-client.tsx) into
// public/islands/portal-<hash>.js with esbuild, and writes public/islands/manifest.json
// naming it (a dev server's bundle is portal.dev-<hash>.js in manifest.dev.json, so
// `next dev` never changes what a production server sends). next.config.ts runs it when Next builds or starts the dev server, so every
// path to a build (npm start, npm test, next build) has it. The end-user pages load this
// one script instead of the App Router runtime (docs/DECISIONS.md "Portal pages").
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'public', 'islands');
const DAY_MS = 24 * 3600 * 1000;

function options(dev) {
  return {
    absWorkingDir: root,
    entryPoints: { portal: 'components/islands-client.tsx' },
    entryNames: dev ? '[name].dev-[hash]' : '[name]-[hash]',
    outdir,
    bundle: true,
    format: 'esm',
    target: ['es2020'],
    jsx: 'automatic',
    minify: !dev,
    sourcemap: dev ? 'inline' : false,
    metafile: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
    // Shared components link with next/link; without the App Router there is nothing for it to do.
    alias: { 'next/link': './components/islands-link.tsx' },
    logLevel: 'warning',
  };
}

/** The manifest a production server (or a dev server) reads: lib/portal/page-props.ts. */
function manifestName(dev) {
  return dev ? 'manifest.dev.json' : 'manifest.json';
}

/** Names the newest bundle; older bundles of the same mode stay a day for a server still running an older build. */
function writeManifest(result, dev) {
  const output = Object.entries(result.metafile.outputs).find(([, meta]) => meta.entryPoint)?.[0];
  if (!output) throw new Error('esbuild wrote no islands bundle');
  const file = path.basename(output);
  fs.writeFileSync(path.join(outdir, manifestName(dev)), `${JSON.stringify({ portal: `/islands/${file}` })}\n`);
  const sameMode = dev ? /^portal\.dev-\w+\.js$/ : /^portal-\w+\.js$/;
  for (const old of fs.readdirSync(outdir)) {
    const full = path.join(outdir, old);
    if (old !== file && sameMode.test(old) && Date.now() - fs.statSync(full).mtimeMs > DAY_MS) fs.rmSync(full);
  }
}

/** One build (production), or a build that rebuilds on every change (`next dev`). */
export async function buildIslands({ dev = false, watch = false } = {}) {
  fs.mkdirSync(outdir, { recursive: true });
  if (!watch) {
    writeManifest(await esbuild.build(options(dev)), dev);
    return;
  }
  const context = await esbuild.context({ ...options(dev), plugins: [{ name: 'manifest', setup: (build) => build.onEnd((result) => result.metafile && writeManifest(result, dev)) }] });
  await context.watch();
}

// `node scripts/build-islands.mjs`: one production build (no top-level await: next.config.ts require()s this file).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildIslands().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
