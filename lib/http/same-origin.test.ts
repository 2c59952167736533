import { describe, expect, it } from 'vitest';
import { refuseCrossOrigin, requestOrigin, sameOriginPath } from '@/lib/http/same-origin';

const ORIGIN = 'http://localhost:3000';

describe('sameOriginPath (where the portal sends a browser after sign-in)', () => {
  it.each([
    ['/admin', '/admin'],
    ['/support/licenses/abc?tab=seats#audit', '/support/licenses/abc?tab=seats#audit'],
    ['/admin/../support', '/support'],
  ])('follows the same-origin path %s', (value, expected) => {
    expect(sameOriginPath(value, ORIGIN, '/staff')).toBe(expected);
  });

  it.each([
    '//evil.example/x',
    '/\\evil.example/x',
    '/%5Cevil.example/x',
    '/%5cevil.example/x',
    '/\\/evil.example',
    '/\t/evil.example/x',
    '/%09/evil.example/x',
    '/\n/evil.example',
    '/%0a/evil.example',
    '/%0d%0a/evil.example',
    '/%2F/evil.example',
    '/%2f%2fevil.example',
    '\\\\evil.example',
    'https://evil.example/x',
    'http://localhost:3000.evil.example/',
    'javascript:alert(1)',
    ' /admin',
    '',
    '/%E0%A4%A',
    undefined,
    null,
  ])('refuses %j', (value) => {
    expect(sameOriginPath(value, ORIGIN, '/staff')).toBe('/staff');
  });

  it('never answers a path a browser would read as another host', () => {
    for (const c of ['\\', '\t', '\n', '\r', '%5C', '%09', '%0A', '%0D', '%2F']) {
      const answer = sameOriginPath(`/${c}evil.example/x`, ORIGIN, '/staff');
      expect(new URL(answer, ORIGIN).origin).toBe(ORIGIN);
      expect(answer.startsWith('//')).toBe(false);
    }
  });
});

describe('refuseCrossOrigin (CSRF check of cookie-authenticated route handlers)', () => {
  const post = (headers: Record<string, string>) => new Request('http://localhost:3000/support/seats/x/reissue', { method: 'POST', headers: { host: 'localhost:3000', ...headers } });

  it('lets same-origin browser requests and requests without browser headers through', () => {
    expect(refuseCrossOrigin(post({ origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }))).toBeNull();
    expect(refuseCrossOrigin(post({}))).toBeNull();
  });

  it.each([
    [{ origin: 'https://evil.example' }],
    [{ origin: 'http://localhost:3001' }],
    [{ origin: 'null' }],
    [{ origin: 'not a url' }],
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ origin: 'http://localhost:3000', 'sec-fetch-site': 'cross-site' }],
  ])('answers 403 with the usual JSON error to %j', async (headers) => {
    const refused = refuseCrossOrigin(post(headers));
    expect(refused?.status).toBe(403);
    expect(await refused!.json()).toEqual({ error: { code: 'ERR_FORBIDDEN', message: expect.stringContaining('came from another site') } });
  });

  it('reads its own origin from the Host header', () => {
    expect(requestOrigin(new Headers({ host: 'portal.example:8443' }))).toBe('http://portal.example:8443');
    expect(requestOrigin(new Headers())).toBeNull();
  });
});

describe('every state-changing route handler with a cookie session', () => {
  it('runs refuseCrossOrigin', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const routes = (fs.readdirSync('app', { recursive: true }) as string[]).filter((file) => path.basename(file) === 'route.ts').map((file) => path.join('app', file));
    const cookieRoutes = routes.filter((file) => {
      const source = fs.readFileSync(file, 'utf8');
      const changesState = /export\s+(?:async\s+)?(?:function\s+|const\s+\{[^}]*\b)(POST|PUT|PATCH|DELETE)\b/.test(source);
      return changesState && source.includes('@/lib/auth/');
    });
    expect(cookieRoutes.length).toBeGreaterThanOrEqual(2); // the sign-in route and the re-issue route at least
    for (const file of cookieRoutes) expect(fs.readFileSync(file, 'utf8'), file).toMatch(/refuseCrossOrigin\(request\)/);
  });
});
