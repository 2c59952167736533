// `npm run api-token`: the console way to a first token on a headless server, run as npm
// runs it, on this test file's database; the printed token then passes the API's check.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { authenticateApiCall } from '@/lib/auth/api-tokens';

function apiToken(...args: string[]) {
  const result = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/api-token.ts', ...args], { env: process.env, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run api-token', () => {
  it('creates a token that the API accepts within its scopes, lists it, and revokes it', async () => {
    const created = apiToken('create', '--name', 'headless shop', '--scope', 'licenses:write', '--scope', 'licenses:read');
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
    const token = /^ {2}(gpat_\S+)$/m.exec(created.out)?.[1];
    expect(token).toMatch(/^gpat_[A-Za-z0-9_-]{43}$/);
    expect(await authenticateApiCall(`Bearer ${token}`, 'licenses:write', '')).toMatchObject({ ok: true, caller: { actor: { type: 'api_token', label: 'API token "headless shop"' } } });
    expect(await authenticateApiCall(`Bearer ${token}`, 'audit:read', '')).toMatchObject({ ok: false, code: 'ERR_SCOPE_MISSING' });

    expect(apiToken('list').out).toMatch(/headless shop {2}\[licenses:read licenses:write\] {2}no expiry/);
    const revoked = apiToken('revoke', 'headless shop');
    expect(revoked.code).toBe(0);
    expect(await authenticateApiCall(`Bearer ${token}`, 'licenses:read', '')).toMatchObject({ ok: false, code: 'ERR_UNAUTHENTICATED' });
  }, 120_000);

  it('refuses an unknown scope or a missing name with the usage, and creates nothing', () => {
    const bad = apiToken('create', '--name', 'x', '--scope', 'everything');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--scope: Choose scopes among products:read');
    const unnamed = apiToken('create', '--scope', 'licenses:read');
    expect(unnamed.code).toBe(1);
    expect(unnamed.err).toContain('--name: Name the token');
    expect(apiToken('list').out).not.toContain(' x  [');
  }, 120_000);
});
