import { describe, expect, it } from 'vitest';
import { requestMaxAgeSeconds } from '@/lib/licensing/portal-config';

describe('GATEPASS_REQUEST_MAX_AGE', () => {
  it('defaults to 7 days and reads the same duration forms as the CLI', () => {
    expect(requestMaxAgeSeconds({})).toBe(7 * 86_400);
    expect(requestMaxAgeSeconds({ GATEPASS_REQUEST_MAX_AGE: '' })).toBe(7 * 86_400);
    expect(requestMaxAgeSeconds({ GATEPASS_REQUEST_MAX_AGE: '12h' })).toBe(12 * 3600);
    expect(requestMaxAgeSeconds({ GATEPASS_REQUEST_MAX_AGE: '2w' })).toBe(14 * 86_400);
    expect(requestMaxAgeSeconds({ GATEPASS_REQUEST_MAX_AGE: '900' })).toBe(900);
  });

  it('refuses a value that is not a duration, naming the setting', () => {
    expect(() => requestMaxAgeSeconds({ GATEPASS_REQUEST_MAX_AGE: 'a week' })).toThrow(
      'GATEPASS_REQUEST_MAX_AGE must be a positive number of seconds, or a number with s, m, h, d or w (e.g. "7d"); got "a week"',
    );
    expect(() => requestMaxAgeSeconds({ GATEPASS_REQUEST_MAX_AGE: '0d' })).toThrow(/must be a positive number/);
  });
});
