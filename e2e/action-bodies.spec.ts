// Issue 13, point 6: every server action answers a malformed or oversized body with a
// 4xx and the usual JSON error, never a 500 or a reset connection. The action ids come
// from the build under test, so a new action is covered without touching this file.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, test, type APIResponse } from '@playwright/test';

interface ActionEntry {
  exportedName: string;
  workers: Record<string, unknown>;
}

function actionsOfBuild(): Array<{ id: string; name: string; page: string }> {
  const manifest = path.join(process.env.GATEPASS_DIST_DIR || '.next', 'server', 'server-reference-manifest.json');
  const node = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { node: Record<string, ActionEntry> }).node;
  return Object.entries(node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((w) => !w.includes('_not-found')) ?? 'app/page';
    const page = worker.replace(/^app/, '').replace(/\/page$/, '').replace(/\[[^\]]+\]/g, 'x') || '/';
    return { id, name: entry.exportedName, page };
  });
}

const MALFORMED: Array<[string, string, string]> = [
  ['a Map reference to nothing', '["$Q1"]', 'text/plain;charset=UTF-8'],
  ['a server reference to nothing', '["$F1"]', 'text/plain;charset=UTF-8'],
  ['not JSON', 'not json', 'text/plain;charset=UTF-8'],
  ['truncated JSON', '[{"licenseKey":"AB', 'text/plain;charset=UTF-8'],
  ['an empty body', '', 'text/plain;charset=UTF-8'],
];

/** Well-formed for React, but not what any of our actions takes: refused or ignored, never a 5xx. */
const ODD: string[] = ['["$@1"]', '["$K1"]', '[]', '[null]', '{}', '[1,2,3]', '["$$"]', '[{"__proto__":{"x":1}}]'];

const actions = actionsOfBuild();

test('the build has the actions this spec expects to probe', () => {
  expect(actions.map((a) => a.name)).toEqual(expect.arrayContaining(['signInAction', 'releaseSeatAction', 'createUserAction']));
});

test('malformed action bodies get a 4xx with the usual JSON error, for every server action', async ({ request }) => {
  test.setTimeout(120_000);
  for (const action of actions) {
    for (const [label, body, type] of MALFORMED) {
      const response = await request.post(action.page, { data: body, headers: { 'next-action': action.id, 'content-type': type } });
      const what = `${action.name} at ${action.page}: ${label}`;
      expect.soft(response.status(), what).toBeGreaterThanOrEqual(400);
      expect.soft(response.status(), what).toBeLessThan(500);
      expect.soft(await response.json().catch(() => null), what).toEqual({ error: { code: expect.stringMatching(/^ERR_/), message: expect.any(String) } });
    }
    for (const body of ODD) {
      const response = await request.post(action.page, { data: body, headers: { 'next-action': action.id, 'content-type': 'text/plain;charset=UTF-8' } });
      expect.soft(response.status(), `${action.name} at ${action.page}: ${body}`).toBeLessThan(500);
    }
    const multipart = await request.post(action.page, { multipart: { '0': '["$Q1"]' }, headers: { 'next-action': action.id } });
    expect(multipart.status(), `${action.name}: multipart`).toBe(400);
  }
});

test('an action body over the limit gets 413, whether its length is declared or not', async ({ request, baseURL }) => {
  const action = actions.find((a) => a.name === 'signInAction')!;
  const big = JSON.stringify([{ requestText: 'A'.repeat(300 * 1024) }]);
  const declared = await request.post(action.page, { data: big, headers: { 'next-action': action.id, 'content-type': 'text/plain;charset=UTF-8' } });
  expect(declared.status()).toBe(413);
  expect(await declared.json()).toEqual({ error: { code: 'ERR_ARTIFACT_TOO_LARGE', message: expect.stringContaining('256 KB') } });

  // 100 MB, chunked: the answer arrives before the upload ends, instead of a reset connection.
  const url = new URL(action.page, baseURL);
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'next-action': action.id, 'content-type': 'text/plain;charset=UTF-8', 'transfer-encoding': 'chunked' } });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', (error) => reject(error));
    const chunk = Buffer.alloc(1024 * 1024, 'A');
    let sent = 0;
    const pump = () => {
      while (sent < 100) {
        sent += 1;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    req.write('[{"requestText":"');
    pump();
  });
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'ERR_ARTIFACT_TOO_LARGE' } });

  // The portal still works afterwards.
  const ok = await request.post('/api/portal/lookup', { data: { licenseKey: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' } });
  expect(ok.status()).toBe(404);
  expect(await ok.json()).toEqual({ error: { code: 'ERR_LICENSE_NOT_FOUND', message: expect.any(String) } });
});

test("the end-user pages' own endpoint: malformed, oversized, unknown and cross-site posts get a 4xx with the usual JSON error", async ({ request }) => {
  const refusals: Array<[string, Promise<APIResponse>, number, string]> = [
    ['not JSON', request.post('/api/portal/activate', { data: 'not json', headers: { 'content-type': 'application/json' } }), 400, 'ERR_VALIDATION'],
    ['a form', request.post('/api/portal/activate', { form: { requestText: 'x' } }), 415, 'ERR_UNSUPPORTED_MEDIA_TYPE'],
    ['an empty request', request.post('/api/portal/activate', { data: { requestText: '   ' } }), 400, 'ERR_VALIDATION'],
    ['a request that is no artifact', request.post('/api/portal/activate', { data: { requestText: 'hello' } }), 400, 'ERR_ARTIFACT_MALFORMED'],
    ['fields of the wrong type', request.post('/api/portal/refresh', { data: { licenseKey: ['a'], seatId: { $ne: null } } }), 400, 'ERR_VALIDATION'],
    ['a mistyped code', request.post('/api/portal/code', { data: { codeText: 'AAAAA-BBBBB' } }), 400, 'ERR_CODE_MISTYPED'],
    ['over the cap', request.post('/api/portal/deactivate', { data: { deactivationText: 'A'.repeat(300 * 1024) } }), 413, 'ERR_BODY_TOO_LARGE'],
    ['no such action', request.post('/api/portal/delete-everything', { data: {} }), 404, 'ERR_NOT_FOUND'],
    ['the prototype', request.post('/api/portal/__proto__', { data: {} }), 404, 'ERR_NOT_FOUND'],
    ['another site', request.post('/api/portal/lookup', { data: { licenseKey: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' }, headers: { origin: 'https://evil.example' } }), 403, 'ERR_FORBIDDEN'],
    ['a GET', request.get('/api/portal/lookup'), 405, ''],
  ];
  for (const [label, pending, status, code] of refusals) {
    const response = await pending;
    expect.soft(response.status(), label).toBe(status);
    if (code) expect.soft(await response.json(), label).toEqual({ error: { code, message: expect.any(String) } });
  }
});

test('a page that does not exist is a designed 404 page', async ({ page }) => {
  const missing = await page.goto('/no-such-page');
  expect(missing?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toContainText('There is no page at this address');
  await expect(page.getByRole('link', { name: 'Back to the portal' })).toBeVisible();
  const missingLicense = await page.goto('/support/licenses/does-not-exist');
  expect(missingLicense?.status()).toBeLessThan(500);
});

test('idle connections are kept longer than a proxy keeps them (keep-alive 65 s)', async ({ baseURL }) => {
  const url = new URL('/api/v1/jwks', baseURL);
  const keepAlive = await new Promise<string | undefined>((resolve, reject) => {
    http.get({ host: url.hostname, port: url.port, path: url.pathname, agent: new http.Agent({ keepAlive: true }) }, (res) => {
      res.resume();
      resolve(String(res.headers['keep-alive']));
    }).on('error', reject);
  });
  expect(keepAlive).toBe('timeout=65');
});

test('the cookie-session route handlers answer garbage bodies without a 5xx', async ({ request }) => {
  const bodies: Array<{ data: string; type: string }> = [
    { data: 'not json', type: 'application/x-www-form-urlencoded' },
    { data: '%%%&&&==', type: 'application/x-www-form-urlencoded' },
    { data: '{"email":1', type: 'application/json' },
    { data: 'A'.repeat(300 * 1024), type: 'text/plain' },
  ];
  for (const path of ['/api/auth/callback/credentials', '/api/auth/signin/credentials', '/api/auth/signout', '/support/seats/x/reissue']) {
    for (const { data, type } of bodies) {
      const response = await request.post(path, { data, headers: { 'content-type': type }, maxRedirects: 0 });
      expect.soft(response.status(), `${path} ${type}`).toBeLessThan(500);
    }
  }
});
