// Issue 14, point 8: the end-user pages load at most 120 kB of gzipped JavaScript, measured
// in Chromium on a fresh load, and what they load is the islands bundle, not a framework
// runtime. (A weight, not a time: the same build always weighs the same.)
import { expect, test } from '@playwright/test';
import { END_USER_BUDGET_KB, END_USER_PAGES, firstLoadScripts } from './fixtures/page-weight';
import { ActivatePage } from './pages/activate-page';

for (const path of END_USER_PAGES) {
  test(`${path} loads at most ${END_USER_BUDGET_KB} kB of gzipped JavaScript: the islands bundle alone`, async ({ browser, baseURL }) => {
    const scripts = await firstLoadScripts(browser, new URL(path, baseURL).href);
    const gzipKb = scripts.reduce((sum, s) => sum + s.gzip, 0) / 1000;
    expect(gzipKb).toBeLessThanOrEqual(END_USER_BUDGET_KB);
    expect(scripts.map((s) => new URL(s.url).pathname)).toEqual([expect.stringMatching(/^\/islands\/portal-[A-Z0-9]+\.js$/)]);
  });
}

test('the islands run: the Activate page answers a pasted request in place, without a page load', async ({ page }) => {
  const activate = new ActivatePage(page);
  await activate.goto();
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => navigations.push(frame.url()));
  await activate.paste('not a request');
  await activate.expectError(/activation request/i);
  expect(navigations).toEqual([]);
});
