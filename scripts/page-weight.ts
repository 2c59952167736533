/**
 * `npx tsx scripts/page-weight.ts [base URL] [--list]`: the first-load JavaScript of the
 * portal's pages, measured in Chromium (issue 14, point 8). Each page is loaded fresh (new
 * context, empty cache); every script it fetches is counted by its gzip size (the body
 * gzipped at level 6, what `next start` sends) and by the bytes the server actually sent.
 * `--list` prints each script. Exits 1 when an end-user page is over the budget (120 kB
 * gzip); staff pages are reported beside them. Point it at a production build (`npm start`,
 * or the browser tests' server on its port). e2e/page-weight.spec.ts holds the same budget.
 */
import { chromium } from '@playwright/test';
import { END_USER_BUDGET_KB, END_USER_PAGES, firstLoadScripts, STAFF_PAGES } from '../e2e/fixtures/page-weight';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const args = process.argv.slice(2);
const base = args.find((arg) => !arg.startsWith('--')) ?? 'http://localhost:3000';
const list = args.includes('--list');

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
let over = false;
try {
  console.log(`| page | kind | scripts | gzip kB | sent kB |\n|---|---|---:|---:|---:|`);
  for (const path of [...END_USER_PAGES, ...STAFF_PAGES]) {
    const staff = STAFF_PAGES.includes(path);
    const measured = await firstLoadScripts(browser, new URL(path, base).href);
    const gzip = measured.reduce((sum, s) => sum + s.gzip, 0);
    const sent = measured.reduce((sum, s) => sum + s.sent, 0);
    if (!staff && gzip / 1000 > END_USER_BUDGET_KB) over = true;
    console.log(`| ${path} | ${staff ? 'staff (App Router)' : 'end user'} | ${measured.length} | ${kb(gzip)} | ${kb(sent)} |`);
    if (list) for (const s of measured.sort((a, b) => b.gzip - a.gzip)) console.log(`|   ${new URL(s.url).pathname} | | | ${kb(s.gzip)} | ${kb(s.sent)} |`);
  }
} finally {
  await browser.close();
}
if (over) {
  console.error(`An end-user page is over the budget of ${END_USER_BUDGET_KB} kB gzip.`);
  process.exit(1);
}
