import { describe, expect, it } from 'vitest';
import { canonicalLicenseKey } from './license-key-format';

describe('canonicalLicenseKey', () => {
  it('prints a typed key the way it was issued, whatever its case, spacing and look-alikes', () => {
    expect(canonicalLicenseKey('BVJMY-5HMTP-7PWR3-5CC3H-60X8D')).toBe('BVJMY-5HMTP-7PWR3-5CC3H-60X8D');
    expect(canonicalLicenseKey(' bvjmy 5hmtp 7pwr3 5cc3h 6ox8d\n')).toBe('BVJMY-5HMTP-7PWR3-5CC3H-60X8D');
    expect(canonicalLicenseKey('bvjmy5hmtp7pwr35cc3h60x8d')).toBe('BVJMY-5HMTP-7PWR3-5CC3H-60X8D');
    expect(canonicalLicenseKey('ABCDE-FGHiJ-KLMN0-PQRST-VWXYZ')).toBe('ABCDE-FGH1J-K1MN0-PQRST-VWXYZ');
  });

  it('leaves strings that are not key-shaped alone, apart from surrounding space', () => {
    expect(canonicalLicenseKey('  legacy-key-123 ')).toBe('legacy-key-123');
    expect(canonicalLicenseKey('UUUUU-UUUUU-UUUUU-UUUUU-UUUUU')).toBe('UUUUU-UUUUU-UUUUU-UUUUU-UUUUU');
  });
});
