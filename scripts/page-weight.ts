/**
 * `npx tsx scripts/page-weight.ts [base URL] [--list]`: the first-load JavaScript of the
 * public pages, measured in Chromium (issue 14, point 8). Each page is loaded fresh (new
 * context, empty cache); every script it fetches is counted by its gzip size (the body
 * gzipped at level 6, what `next start` sends) and by the bytes the server actually sent.
 * `--list` prints each chunk. Exits 1 when a page is over the budget (120 kB gzip).
 * Point it at a production build (`npm start`, or the browser tests' server on its port).
 */
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const PAGES = ['/', '/refresh', '/license', '/deactivate', '/code', '/revocations', '/login'];
const BUDGET_KB = 120;

const args = process.argv.slice(2);
const base = args.find((arg) => !arg.startsWith('--')) ?? 'http://localhost:3000';
const list = args.includes('--list');

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
let over = false;
try {
  console.log(`| page | scripts | gzip kB | sent kB |\n|---|---:|---:|---:|`);
  for (const path of PAGES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: Promise<{ url: string; gzip: number; sent: number }>[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return;
      scripts.push(
        (async () => {
          const [response, sizes] = await Promise.all([request.response(), request.sizes()]);
          const body = (await response?.body()) ?? Buffer.alloc(0);
          return { url: request.url(), gzip: zlib.gzipSync(body, { level: 6 }).length, sent: sizes.responseBodySize };
        })(),
      );
    });
    await page.goto(new URL(path, base).href, { waitUntil: 'networkidle' });
    const measured = await Promise.all(scripts);
    const gzip = measured.reduce((sum, s) => sum + s.gzip, 0);
    const sent = measured.reduce((sum, s) => sum + s.sent, 0);
    if (gzip / 1000 > BUDGET_KB) over = true;
    console.log(`| ${path} | ${measured.length} | ${kb(gzip)} | ${kb(sent)} |`);
    if (list) for (const s of measured.sort((a, b) => b.gzip - a.gzip)) console.log(`|   ${new URL(s.url).pathname} | | ${kb(s.gzip)} | ${kb(s.sent)} |`);
    await context.close();
  }
} finally {
  await browser.close();
}
if (over) {
  console.error(`A page is over the budget of ${BUDGET_KB} kB gzip.`);
  process.exit(1);
}
