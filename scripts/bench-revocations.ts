/**
 * `npm run bench:revocations`: the size of a revocation list of 10,000 entries and the time
 * the SDK takes to verify it and look a license up (issue 11 targets: ≤ 200 kB, ≤ 50 ms).
 * Figures, not pass/fail.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { generateSigningKeyPair, publicJwks, signRevocationList, verifyRevocationList } from '../lib/protocol';

const ENTRIES = Number(process.argv[2] ?? 10_000);
const RUNS = 20;

const signingKey = await generateSigningKeyPair();
const jwks = publicJwks([signingKey]);
// Half blocked devices, half suspended licenses: each is one entry.
const devices = Array.from({ length: Math.ceil(ENTRIES / 2) }, () => ({ licenseId: randomUUID(), deviceThumbprint: randomUUID().replace(/-/g, '').padEnd(43, 'x') }));
const licenseIds = Array.from({ length: Math.floor(ENTRIES / 2) }, () => randomUUID());
const signStart = performance.now();
const text = await signRevocationList({ seq: 1, issuedAt: new Date(), product: 'photo-pro', items: { licenseIds, devices }, signingKey });
const signMs = performance.now() - signStart;

const probe = { license_id: devices[0]!.licenseId, device_thumbprint: devices[0]!.deviceThumbprint };
const times: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  const list = await verifyRevocationList(text, { jwks, product: 'photo-pro' });
  if (list.revokes(probe) !== 'device') throw new Error('the probe is not found: the bench is broken');
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const kB = Buffer.byteLength(text, 'utf8') / 1000;
console.log(`revocation list of ${ENTRIES.toLocaleString('en')} entries`);
console.log(`  size (armored):        ${kB.toFixed(1)} kB   (target ≤ 200 kB)`);
console.log(`  sign (portal):         ${signMs.toFixed(1)} ms`);
console.log(`  verify + look-up, SDK: median ${times[Math.floor(RUNS / 2)]!.toFixed(1)} ms, worst ${times.at(-1)!.toFixed(1)} ms, best ${times[0]!.toFixed(1)} ms   (target ≤ 50 ms)`);
