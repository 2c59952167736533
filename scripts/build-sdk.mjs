#!/usr/bin/env node
// `npm run sdk:build`: packages/sdk/dist from lib/sdk and lib/protocol: one ES module for
// the SDK, one for the CLI (esbuild; jose, zod and qrcode stay dependencies), and type
// declarations (tsc). `npm run sdk:pack` then makes the tarball vendors install.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.join(root, 'packages', 'sdk');
const dist = path.join(pkg, 'dist');
fs.rmSync(dist, { recursive: true, force: true });

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', external: ['jose', 'zod', 'qrcode'], logLevel: 'warning' };
await build({ ...common, entryPoints: [path.join(root, 'lib/sdk/index.ts')], outfile: path.join(dist, 'index.js') });
await build({ ...common, entryPoints: [path.join(root, 'lib/sdk/bin.ts')], outfile: path.join(dist, 'gatepass.js'), banner: { js: '#!/usr/bin/env node' } });
fs.chmodSync(path.join(dist, 'gatepass.js'), 0o755);

const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(pkg, 'tsconfig.json')], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
console.log(`Built ${path.relative(root, dist)}`);
