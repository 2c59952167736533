import { describe, expect, it } from 'vitest';
import { environmentProblem } from '@/lib/first-start/environment';

describe('environmentProblem (checked once at start)', () => {
  it('accepts no settings, and every documented setting in its documented form', () => {
    expect(environmentProblem({})).toBeNull();
    expect(
      environmentProblem({
        PORT: '3000',
        GATEPASS_HOST: '127.0.0.1',
        GATEPASS_PUBLIC_URL: 'https://activate.example.com',
        GATEPASS_MASTER_KEY: 'a'.repeat(64),
        GATEPASS_ADMIN_EMAIL: 'admin@example.com',
        GATEPASS_ADMIN_PASSWORD: 'correct horse battery staple',
        GATEPASS_DEMO: '0',
        GATEPASS_TRUST_PROXY: '1',
        GATEPASS_RATE_LIMIT_PER_MINUTE: '120',
        GATEPASS_SIGN_IN_PER_MINUTE: '5',
        GATEPASS_REQUEST_MAX_AGE: '12h',
        AUTH_SECRET: 'x'.repeat(32),
        GATEPASS_DEMO_UNRELATED: 'ignored',
      }),
    ).toBeNull();
    expect(environmentProblem({ PORT: '', GATEPASS_DEMO: ' ' })).toBeNull();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a port number such as 3000.'],
    [{ PORT: '70000' }, 'PORT must be between 1 and 65535.'],
    [{ GATEPASS_PUBLIC_URL: 'activate.example.com' }, /^GATEPASS_PUBLIC_URL must be the http:\/\/ or https:\/\//],
    [{ GATEPASS_MASTER_KEY: 'secret' }, /^GATEPASS_MASTER_KEY must be 32 random bytes/],
    [{ GATEPASS_ADMIN_EMAIL: 'admin' }, /^GATEPASS_ADMIN_EMAIL must be an email address/],
    [{ GATEPASS_DEMO: 'yes' }, 'GATEPASS_DEMO must be 0 or 1.'],
    [{ GATEPASS_TRUST_PROXY: 'true' }, 'GATEPASS_TRUST_PROXY must be 0 or 1.'],
    [{ GATEPASS_RATE_LIMIT_PER_MINUTE: 'lots' }, /^GATEPASS_RATE_LIMIT_PER_MINUTE must be a positive whole number/],
    [{ GATEPASS_SIGN_IN_PER_MINUTE: '0' }, /^GATEPASS_SIGN_IN_PER_MINUTE must be a positive whole number/],
    [{ GATEPASS_REQUEST_MAX_AGE: 'a week' }, /^GATEPASS_REQUEST_MAX_AGE must be a positive number of seconds/],
    [{ AUTH_SECRET: 'short' }, /^AUTH_SECRET must be at least 32 characters/],
  ])('names the setting and the fix for %j', (env, expected) => {
    const problem = environmentProblem(env);
    if (typeof expected === 'string') expect(problem).toBe(expected);
    else expect(problem).toMatch(expected);
  });
});
