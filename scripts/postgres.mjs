// A throwaway PostgreSQL server for the tests and benchmarks: `initdb` into a temporary
// folder and `pg_ctl` on a free loopback port. initdb refuses to run as root, so as root
// both run as the unprivileged `postgres` user (runuser). When the server binaries are
// missing, root installs Debian's `postgresql` with apt-get; anyone else gets the command.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const BIN_DIRS = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];
const INSTALL_HINT = 'sudo apt-get install -y postgresql';

function findBinDir() {
  if (process.env.GATEPASS_PG_BIN) return fs.existsSync(path.join(process.env.GATEPASS_PG_BIN, 'initdb')) ? process.env.GATEPASS_PG_BIN : undefined;
  return BIN_DIRS.find((dir) => fs.existsSync(path.join(dir, 'initdb')));
}

const isRoot = () => process.getuid?.() === 0;

/** Finds PostgreSQL's server binaries, installing Debian's package as root; exits with the fix otherwise. */
export function ensurePostgresBinaries() {
  let dir = findBinDir();
  if (dir) return dir;
  if (!isRoot() || !fs.existsSync('/usr/bin/apt-get')) {
    console.error(`PostgreSQL's server (initdb, pg_ctl) is missing for the PostgreSQL half of the tests. Install it with:\n\n  ${INSTALL_HINT}\n\n(or set GATEPASS_TEST_DATABASE_URL to a database you own), then run npm test again.`);
    process.exit(1);
  }
  console.log('Installing Debian postgresql for the PostgreSQL tests (apt-get)...');
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'postgresql']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      console.error('apt-get could not install postgresql. Run: apt-get update && apt-get install -y postgresql');
      process.exit(1);
    }
  }
  dir = findBinDir();
  if (!dir) {
    console.error(`apt-get finished but initdb is still missing. Run: ${INSTALL_HINT}`);
    process.exit(1);
  }
  return dir;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as the `postgres` user when we are root. */
function runAsOwner(bin, args) {
  const [command, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${path.basename(bin)} failed (exit ${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

/**
 * Starts a fresh PostgreSQL server on a free loopback port; returns its URL and `stop()`.
 * The data folder is removed on stop.
 */
export async function startThrowawayPostgres({ maxConnections = 200, durable = false, dir: parent = os.tmpdir() } = {}) {
  const binDir = ensurePostgresBinaries();
  const dir = fs.mkdtempSync(path.join(parent, 'gatepass-pg-'));
  fs.chmodSync(dir, 0o777); // the postgres user writes its data folder inside
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  runAsOwner(path.join(binDir, 'initdb'), ['-D', dataDir, '-U', 'gatepass', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
  runAsOwner(path.join(binDir, 'pg_ctl'), [
    '-D',
    dataDir,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-o',
    // Throwaway data: durability off for speed (unless a benchmark asks for it); the socket goes to our folder, not /run.
    `-p ${port} -h 127.0.0.1 -k ${dir} -c max_connections=${maxConnections} -c shared_buffers=512MB${durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'}`,
    'start',
  ]);
  const url = `postgres://gatepass@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      runAsOwner(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already gone
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { url, port, stop };
}

/** Creates a database on the server of `url` and returns its URL (one per test worker). */
export function createDatabase(url, name) {
  const binDir = ensurePostgresBinaries();
  const u = new URL(url);
  const psql = fs.existsSync(path.join(binDir, 'psql')) ? path.join(binDir, 'psql') : 'psql';
  const result = spawnSync(psql, [url, '-v', 'ON_ERROR_STOP=1', '-qc', `CREATE DATABASE "${name}"`], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`could not create database ${name}: ${result.stderr}`);
  u.pathname = `/${name}`;
  return u.toString();
}
