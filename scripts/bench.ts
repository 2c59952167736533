/**
 * `npm run bench`: activations per second through the REST API at 1, 16 and 64
 * concurrent clients, against a production server started here on a free localhost
 * port with a temporary data directory, beside the same pipeline called in-process
 * (decrypt, verify, one write transaction, sign), and beside the floor: the same
 * cryptography with keys imported once plus one raw prepared SQLite transaction that
 * writes what an activation writes. Prints a table, the CPU per activation of the
 * floor and of the in-process path, and the ratios the hot path is held to.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatepass-bench-'));
// The bench process opens the same database as the server (sequential phases; WAL).
process.env.GATEPASS_DATA_DIR = dataDir;
delete process.env.GATEPASS_MASTER_KEY;

const HTTP_RUNS = [
  { concurrency: 1, requests: 400 },
  { concurrency: 16, requests: 2000 },
  { concurrency: 64, requests: 3000 },
];
const IN_PROCESS_RUNS = [
  { concurrency: 1, requests: 1000 },
  { concurrency: 16, requests: 2000 },
];

const FLOOR_RUNS = 1000;

/** CPU milliseconds (user + system) per job, jobs run one after another. */
async function cpuPerOp(jobs: Array<() => Promise<void>>): Promise<number> {
  for (const job of jobs.splice(0, 20)) await job(); // warm-up: JIT, caches
  const before = process.cpuUsage();
  for (const job of jobs) await job();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / jobs.length;
}

/**
 * The least an activation can cost here: open the request (ECDH-ES unwrap, AES-GCM,
 * Ed25519 verify), sign the file (HKDF, AES-GCM, Ed25519), keys imported once, and one
 * raw prepared better-sqlite3 transaction with the reads and writes an activation makes:
 * since issue 11 those include the device-block look-up and the live seat of the device
 * key (re-bind), and since the webhooks the enabled-endpoint read (the bench has no
 * endpoint, so no outbox row). The device's public key `x` stands in for its thumbprint:
 * one per device, as in the real path, with no hashing added to the floor.
 */
async function floorCpu(dir: string, requests: string[]): Promise<number> {
  const crypto = await import('node:crypto');
  const Database = (await import('better-sqlite3')).default;
  const { compactDecrypt, compactVerify, CompactEncrypt, CompactSign, importJWK } = await import('jose');
  const { requestDecryptionKeys, activeSigningKey } = await import('@/lib/instance/keys');
  const { createTestLicense } = await import('@/lib/testing/licensing-fixtures');
  const { deriveLicenseFileKey, dearmor, armor } = await import('@/lib/protocol');
  const license = await createTestLicense({ seats: requests.length + 10 });
  const [portal] = await requestDecryptionKeys();
  const signing = await activeSigningKey();
  const unwrapKey = await importJWK({ ...portal!.privateJwk }, 'ECDH-ES+A256KW');
  const signKey = await importJWK({ ...signing.privateJwk }, 'EdDSA');
  const keyHash = crypto.createHash('sha256').update(license.key.replace(/-/g, '')).digest('hex');

  const db = new Database(path.join(dir, 'gatepass.sqlite'));
  db.pragma('busy_timeout = 5000');
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const findLicense = db.prepare('SELECT l.id, l.seats_active, p.seat_limit FROM licenses l JOIN plans p ON p.id = l.plan_id WHERE l.key_hash = ?');
  const findSeat = db.prepare("SELECT id FROM seats WHERE license_id = ? AND fingerprint = ? AND status = 'active'");
  const findNonce = db.prepare('SELECT jti FROM used_nonces WHERE jti = ?');
  const findBlock = db.prepare('SELECT id FROM blocked_devices WHERE license_id = ? AND unblocked_at IS NULL AND (device_thumbprint = ? OR fingerprint = ?) LIMIT 1');
  const findSeatOfDevice = db.prepare("SELECT id FROM seats WHERE license_id = ? AND device_thumbprint = ? AND status = 'active' ORDER BY activated_at DESC LIMIT 1");
  const listEndpoints = db.prepare('SELECT id, events FROM webhook_endpoints WHERE disabled_at IS NULL');
  const insertSeat = db.prepare(
    "INSERT INTO seats (id, license_id, fingerprint, device_public_jwk, device_thumbprint, hostname, status, activated_at, last_issued_at, lease_ends_at, grace_ends_at) VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)",
  );
  const countSeat = db.prepare('UPDATE licenses SET seats_active = seats_active + 1 WHERE id = ?');
  const countDay = db.prepare('INSERT INTO seat_counts_daily (day, shard, activated) VALUES (?, 0, 1) ON CONFLICT (day, shard) DO UPDATE SET activated = activated + 1');
  const insertNonce = db.prepare("INSERT INTO used_nonces (jti, kind, seat_id, used_at) VALUES (?, 'request', ?, ?)");
  const insertFile = db.prepare("INSERT INTO license_files (id, seat_id, license_id, kind, kid, encrypted, issued_at, lease_ends_at, grace_seconds, issued_by) VALUES (?, ?, ?, 'activation', ?, 1, ?, ?, 0, 'bench')");
  const insertAudit = db.prepare("INSERT INTO audit_events (at, actor_type, actor_label, action, target_type, target_id, license_id, details, ip) VALUES (?, 'end_user', 'bench', 'seat.activate', 'seat', ?, ?, '{}', '')");

  const jobs = requests.map((text) => async () => {
    const { plaintext } = await compactDecrypt(dearmor(text, 'request'), unwrapKey, { keyManagementAlgorithms: ['ECDH-ES+A256KW'], contentEncryptionAlgorithms: ['A256GCM'] });
    const inner = new TextDecoder().decode(plaintext);
    const header = JSON.parse(Buffer.from(inner.split('.')[0]!, 'base64url').toString()) as { jwk: { x: string } };
    const { payload } = await compactVerify(inner, await importJWK({ kty: 'OKP', crv: 'Ed25519', x: header.jwk.x }, 'EdDSA'), { algorithms: ['EdDSA'] });
    const claims = JSON.parse(new TextDecoder().decode(payload)) as { fingerprint: string; jti: string };
    const now = Math.floor(Date.now() / 1000);
    const seatId = crypto.randomUUID();
    const fileId = crypto.randomUUID();
    begin.run();
    const found = findLicense.get(keyHash) as { id: string };
    findSeat.get(found.id, claims.fingerprint);
    findNonce.get(claims.jti);
    findBlock.get(found.id, header.jwk.x, claims.fingerprint);
    findSeatOfDevice.get(found.id, header.jwk.x);
    insertSeat.run(seatId, found.id, claims.fingerprint, JSON.stringify(header.jwk), header.jwk.x, 'host', now, now, now + 86400, now + 86400);
    countSeat.run(found.id);
    countDay.run(new Date().toISOString().slice(0, 10));
    insertNonce.run(claims.jti, seatId, now);
    insertFile.run(fileId, seatId, found.id, signing.kid, now, now + 86400);
    insertAudit.run(now, seatId, found.id);
    listEndpoints.all();
    commit.run();
    const json = new TextEncoder().encode(JSON.stringify({ ...claims, seat_id: seatId, iat: now, exp: now + 86400, jti: fileId }));
    const jwe = await new CompactEncrypt(json).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(deriveLicenseFileKey(license.key, claims.fingerprint));
    armor('license', await new CompactSign(new TextEncoder().encode(jwe)).setProtectedHeader({ alg: 'EdDSA', kid: signing.kid }).sign(signKey));
  });
  const ms = await cpuPerOp(jobs);
  db.close();
  return ms;
}

interface Row {
  mode: string;
  concurrency: number;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer ${url}`);
}

/** The pid of scripts/server.mjs, which `npm start` (scripts/start.mjs) runs as its child. */
function nodeServerPid(startPid: number): number {
  const children = (pid: number): number[] => {
    try {
      return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const queue = [startPid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('scripts/server.mjs')) return pid;
    queue.push(...children(pid));
  }
  throw new Error('could not find the scripts/server.mjs process');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `jobs` with `concurrency` workers; returns throughput and latency percentiles. */
async function measure(mode: string, concurrency: number, jobs: Array<() => Promise<void>>): Promise<Row> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const t = performance.now();
        await job();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { mode, concurrency, requests: jobs.length, perSecond: jobs.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** `npm run bench -- --cpu-only`: just the floor and the in-process CPU per activation, no server. */
async function cpuOnly(): Promise<void> {
  const { migrateDatabase, closeDb } = await import('@/db/client');
  const { ensureInstanceKeys } = await import('@/lib/instance/keys');
  const { createTestLicense, makeMachine } = await import('@/lib/testing/licensing-fixtures');
  const { activate } = await import('@/lib/licensing/activate');
  const { endUserActor } = await import('@/lib/core/actor');
  await migrateDatabase();
  await ensureInstanceKeys();
  const requestsFor = async (count: number) => {
    const license = await createTestLicense({ seats: count + 10 });
    const machines = await Promise.all(Array.from({ length: count }, (_, i) => makeMachine(`bench-${i}`)));
    return Promise.all(machines.map((m) => m.request(license)));
  };
  const actor = endUserActor('API', '127.0.0.1');
  const floor = await floorCpu(dataDir, await requestsFor(FLOOR_RUNS + 20));
  const inProcess = await cpuPerOp(
    (await requestsFor(FLOOR_RUNS + 20)).map((requestText) => async () => {
      const result = await activate({ requestText, actor });
      if (!result.ok) throw new Error(result.message);
    }),
  );
  console.log(`CPU per activation, ${FLOOR_RUNS} in a row, one client:`);
  console.log(`  floor:                  ${floor.toFixed(3)} ms`);
  console.log(`  in-process activate():  ${inProcess.toFixed(3)} ms`);
  console.log(`  ratio: ${(inProcess / floor).toFixed(2)}x the floor (target at most 1.5x)`);
  await closeDb();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  console.log(`Starting a production server on ${baseUrl} (data: ${dataDir}); builds first if the build is stale...`);
  const server = spawn(process.execPath, ['scripts/start.mjs'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      PORT: String(port),
      GATEPASS_DATA_DIR: dataDir,
      GATEPASS_DEMO: '0',
      GATEPASS_ADMIN_EMAIL: 'bench@gatepass.test',
      GATEPASS_ADMIN_PASSWORD: 'bench password that is long enough',
      GATEPASS_RATE_LIMIT_PER_MINUTE: '1000000000',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  };
  process.on('exit', stop);
  try {
    await waitFor(`${baseUrl}/api/v1/jwks`, server);
    // Imported after the server's first start created the keys and the master key file.
    const { createTestLicense, makeMachine } = await import('@/lib/testing/licensing-fixtures');
    const { activate } = await import('@/lib/licensing/activate');
    const { endUserActor } = await import('@/lib/core/actor');

    const requestsFor = async (count: number) => {
      const license = await createTestLicense({ seats: count + 10 });
      const machines = await Promise.all(Array.from({ length: count }, (_, i) => makeMachine(`bench-${i}`)));
      return Promise.all(machines.map((m) => m.request(license)));
    };
    // The load comes from a lean keep-alive node:http client, as wrk or autocannon would
    // send it: fetch() costs about 2 ms of CPU per request, taken from the same two cores
    // the server runs on.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const post = (body: string) => () =>
      new Promise<void>((resolve, reject) => {
        const request = http.request(`${baseUrl}/api/v1/activations`, { method: 'POST', agent, headers: { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => (response.statusCode === 201 ? resolve() : reject(new Error(`expected 201, got ${response.statusCode}: ${Buffer.concat(chunks).toString()}`))));
        });
        request.on('error', reject);
        request.end(body);
      });
    /** CPU milliseconds (user + system) the server process has used so far. */
    const serverPid = nodeServerPid(server.pid!);
    const serverCpuMs = () => {
      const fields = fs.readFileSync(`/proc/${serverPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s
    };

    const rows: Row[] = [];
    await measure('warm-up', 8, (await requestsFor(100)).map(post));
    let serverCpuPerRequest = 0;
    /** At 16 clients: the server's and the load generator's CPU per activation (ms, all threads). */
    const at16 = { server: 0, client: 0, inProcess: 0 };
    const processCpuMs = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    for (const run of HTTP_RUNS) {
      const bodies = await requestsFor(run.requests);
      const before = serverCpuMs();
      const clientBefore = process.cpuUsage();
      rows.push(await measure('HTTP API', run.concurrency, bodies.map(post)));
      if (run.concurrency === 1) serverCpuPerRequest = (serverCpuMs() - before) / run.requests;
      if (run.concurrency === 16) Object.assign(at16, { server: (serverCpuMs() - before) / run.requests, client: processCpuMs(clientBefore) / run.requests });
    }
    // The fixed cost of the HTTP path: Next.js routing, the rate limit, reading the body
    // and a JSON answer, with no cryptography (an empty request is refused with a 400).
    const refused = () =>
      new Promise<void>((resolve, reject) => {
        const request = http.request(`${baseUrl}/api/v1/activations`, { method: 'POST', agent, headers: { 'content-type': 'text/plain', 'content-length': 0 } }, (response) => {
          response.resume();
          response.on('end', () => (response.statusCode === 400 ? resolve() : reject(new Error(`expected 400, got ${response.statusCode}`))));
        });
        request.on('error', reject);
        request.end();
      });
    for (let i = 0; i < 100; i++) await refused();
    const emptyBefore = serverCpuMs();
    for (let i = 0; i < 1000; i++) await refused();
    const serverCpuPerEmptyRequest = (serverCpuMs() - emptyBefore) / 1000;
    agent.destroy();
    const actor = endUserActor('API', '127.0.0.1');
    for (const run of IN_PROCESS_RUNS) {
      const bodies = await requestsFor(run.requests);
      const inProcessBefore = process.cpuUsage();
      rows.push(
        await measure(
          'in-process',
          run.concurrency,
          bodies.map((requestText) => async () => {
            const result = await activate({ requestText, actor });
            if (!result.ok) throw new Error(result.message);
          }),
        ),
      );
      if (run.concurrency === 16) at16.inProcess = processCpuMs(inProcessBefore) / run.requests;
    }

    const floor = await floorCpu(dataDir, await requestsFor(FLOOR_RUNS + 20));
    const inProcess = await cpuPerOp(
      (await requestsFor(FLOOR_RUNS + 20)).map((requestText) => async () => {
        const result = await activate({ requestText, actor });
        if (!result.ok) throw new Error(result.message);
      }),
    );

    console.log(`\nActivations (decrypt, verify, transaction, sign) on ${os.cpus().length} CPUs, Node ${process.version}\n`);
    console.log('| mode       | clients | requests | activations/s | p50 ms | p99 ms |');
    console.log('|------------|--------:|---------:|--------------:|-------:|-------:|');
    for (const r of rows) {
      console.log(`| ${r.mode.padEnd(10)} | ${String(r.concurrency).padStart(7)} | ${String(r.requests).padStart(8)} | ${r.perSecond.toFixed(0).padStart(13)} | ${r.p50.toFixed(2).padStart(6)} | ${r.p99.toFixed(2).padStart(6)} |`);
    }
    const http1 = rows.find((r) => r.mode === 'HTTP API' && r.concurrency === 1)!;
    const httpBest = Math.max(...rows.filter((r) => r.mode === 'HTTP API').map((r) => r.perSecond));
    const local1 = rows.find((r) => r.mode === 'in-process' && r.concurrency === 1)!;
    const localBest = Math.max(...rows.filter((r) => r.mode === 'in-process').map((r) => r.perSecond));
    console.log(`\nin-process / HTTP at 1 client: ${(local1.perSecond / http1.perSecond).toFixed(2)}x`);
    console.log(`best in-process / best HTTP:    ${(localBest / httpBest).toFixed(2)}x`);
    const http16 = rows.find((r) => r.mode === 'HTTP API' && r.concurrency === 16)!;
    const local16 = rows.find((r) => r.mode === 'in-process' && r.concurrency === 16)!;
    console.log(`HTTP at 16 clients / in-process at 16: ${((100 * http16.perSecond) / local16.perSecond).toFixed(0)} % (target at least 60 %)`);
    console.log(`\nCPU per activation at 16 clients (all threads): in-process ${at16.inProcess.toFixed(2)} ms; HTTP: the server ${at16.server.toFixed(2)} ms + the load generator ${at16.client.toFixed(2)} ms`);
    console.log(`\nCPU per activation, ${FLOOR_RUNS} in a row, one client:`);
    console.log(`  floor (crypto with keys imported once + one raw prepared SQLite transaction): ${floor.toFixed(3)} ms`);
    console.log(`  in-process activate():                                                       ${inProcess.toFixed(3)} ms`);
    console.log(`  ratio: ${(inProcess / floor).toFixed(2)}x the floor (target at most 1.5x)`);
    console.log(`  the server process, per HTTP activation at 1 client:                         ${serverCpuPerRequest.toFixed(3)} ms`);
    console.log(`  the server process, per empty POST refused with a 400 (the HTTP path alone):  ${serverCpuPerEmptyRequest.toFixed(3)} ms`);
  } finally {
    stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--cpu-only')) await cpuOnly();
else await main();
