/**
 * `npm run bench`: activations per second through the REST API at 1, 16 and 64
 * concurrent clients, against a production server started here on a free localhost
 * port with a temporary data directory, beside the same pipeline called in-process
 * (decrypt, verify, one write transaction, sign). Prints a table and the ratios.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
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
    const post = (body: string) => async () => {
      const response = await fetch(`${baseUrl}/api/v1/activations`, { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
      const text = await response.text();
      if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${text}`);
    };

    const rows: Row[] = [];
    await measure('warm-up', 8, (await requestsFor(100)).map(post));
    for (const run of HTTP_RUNS) {
      const bodies = await requestsFor(run.requests);
      rows.push(await measure('HTTP API', run.concurrency, bodies.map(post)));
    }
    const actor = endUserActor('API', '127.0.0.1');
    for (const run of IN_PROCESS_RUNS) {
      const bodies = await requestsFor(run.requests);
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
    }

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
  } finally {
    stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
