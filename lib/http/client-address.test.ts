import { describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/http/client-address';

describe('clientAddress', () => {
  it('takes the rightmost X-Forwarded-For entry, the one our nearest hop added', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '::ffff:192.0.2.1' }))).toBe('192.0.2.1');
    expect(clientAddress(new Headers({ 'x-real-ip': '198.51.100.2' }))).toBe('198.51.100.2');
    expect(clientAddress(new Headers())).toBe('');
  });
});
