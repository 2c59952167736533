import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { machineFingerprint } from './fingerprint';
import { parseDuration } from '../protocol';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('machineFingerprint', () => {
  const readMachineId = async () => 'abc123';

  it('is hex SHA-256 of "<machine id>:<product>"', async () => {
    await expect(machineFingerprint('photo-pro', { env: {}, readMachineId })).resolves.toBe(sha('abc123:photo-pro'));
    await expect(machineFingerprint('video-pro', { env: {}, readMachineId })).resolves.not.toBe(sha('abc123:photo-pro'));
    await expect(machineFingerprint('photo-pro', { env: {}, readMachineId, namespace: '/tmp/a' })).resolves.toBe(sha('abc123:photo-pro:/tmp/a'));
  });

  it('lets GATEPASS_FINGERPRINT override it, hashing overlong values', async () => {
    await expect(machineFingerprint('photo-pro', { env: { GATEPASS_FINGERPRINT: ' vm-42 ' }, readMachineId })).resolves.toBe('vm-42');
    const long = 'x'.repeat(300);
    await expect(machineFingerprint('photo-pro', { env: { GATEPASS_FINGERPRINT: long }, readMachineId })).resolves.toBe(sha(long));
  });

  it('reads a real machine id on this OS', async () => {
    await expect(readMachineId()).resolves.toMatch(/^\S+$/);
  });
});

describe('parseDuration', () => {
  it('reads units and bare seconds, refuses the rest', () => {
    expect(parseDuration('30d')).toBe(2_592_000);
    expect(parseDuration('12h')).toBe(43_200);
    expect(parseDuration('2w')).toBe(1_209_600);
    expect(parseDuration('90')).toBe(90);
    expect(parseDuration('0d')).toBeNull();
    expect(parseDuration('soon')).toBeNull();
    expect(parseDuration('-3d')).toBeNull();
  });
});
