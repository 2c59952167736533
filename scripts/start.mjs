#!/usr/bin/env node
// `npm start`: build when the build is missing or older than the sources, prepare the
// instance (database, keys, first admin, demo data), then serve on PORT (default 3000).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = '1';
const port = process.env.PORT || '3000';
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

const SOURCES = ['app', 'pages', 'components', 'lib', 'db', 'next.config.ts', 'scripts/build-islands.mjs', 'package.json', 'postcss.config.mjs', 'proxy.ts'];

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function buildIsCurrent() {
  const buildId = path.join(root, process.env.GATEPASS_DIST_DIR || '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return false;
  // The end-user pages' islands bundle is made by the same build (scripts/build-islands.mjs).
  if (!fs.existsSync(path.join(root, 'public', 'islands', 'manifest.json'))) return false;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.every((entry) => newestMtime(entry) <= built);
}

function run(args, label) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n${label} failed (exit ${result.status}). See the output above.`);
    process.exit(result.status ?? 1);
  }
}

if (process.env.GATEPASS_SKIP_BUILD !== '1' && !buildIsCurrent()) {
  console.log('Building Gatepass (first start or changed sources; about a minute)...');
  run([nextBin, 'build'], 'The build');
}

run(['--conditions=react-server', '--import', 'tsx', 'scripts/bootstrap.ts'], 'Preparing the instance');

const server = spawn(process.execPath, ['scripts/server.mjs'], { stdio: 'inherit', env: { ...process.env, PORT: port, NODE_ENV: 'production' } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
