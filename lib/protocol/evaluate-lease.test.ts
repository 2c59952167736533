import { describe, expect, it } from 'vitest';
import { evaluateLease, expiringWindowSeconds } from './evaluate-lease';
import { licenseClaims, T0 } from './test-fixtures';

const DAY = 86_400;
// iat = nbf = T0, exp = T0 + 30 days, grace 3 days.
const claims = licenseClaims({ device_thumbprint: 'x'.repeat(43) });
const at = (seconds: number) => new Date(seconds * 1000);
const status = (seconds: number, lastSeen?: number) =>
  evaluateLease(claims, { now: at(seconds), lastSeen: lastSeen === undefined ? null : at(lastSeen) });

describe('evaluateLease', () => {
  it('walks valid → expiring → grace → expired at the exact edges', () => {
    expect(status(T0).status).toBe('valid');
    // A 30-day lease: the window is a fifth of it, 6 days (the default caps at 7).
    expect(status(claims.exp - 6 * DAY - 0.001).status).toBe('valid');
    expect(status(claims.exp - 6 * DAY).status).toBe('expiring');
    expect(status(claims.exp - 0.001).status).toBe('expiring');
    expect(status(claims.exp).status).toBe('grace');
    expect(status(claims.exp + claims.grace - 0.001).status).toBe('grace');
    expect(status(claims.exp + claims.grace).status).toBe('expired');
  });

  it('goes straight from expiring to expired when grace is 0', () => {
    const noGrace = { ...claims, grace: 0 };
    expect(evaluateLease(noGrace, { now: at(claims.exp - 1) }).status).toBe('expiring');
    expect(evaluateLease(noGrace, { now: at(claims.exp) }).status).toBe('expired');
  });

  it('scales the default expiring window with the lease: min(7 days, lease / 5)', () => {
    const threeDays = { ...claims, exp: claims.iat + 3 * DAY };
    expect(expiringWindowSeconds(threeDays)).toBe(0.6 * DAY);
    expect(evaluateLease(threeDays, { now: at(claims.iat + 60) }).status).toBe('valid');
    expect(evaluateLease(threeDays, { now: at(threeDays.exp - 0.6 * DAY - 1) }).status).toBe('valid');
    expect(evaluateLease(threeDays, { now: at(threeDays.exp - 0.6 * DAY) }).status).toBe('expiring');
    expect(expiringWindowSeconds({ iat: 0, exp: 365 * DAY })).toBe(7 * DAY);
  });

  it('honours a custom expiring window', () => {
    expect(evaluateLease(claims, { now: at(claims.exp - DAY), expiringWithinSeconds: DAY }).status).toBe('expiring');
    expect(evaluateLease(claims, { now: at(claims.exp - DAY - 1), expiringWithinSeconds: DAY }).status).toBe('valid');
  });

  it('reports leaseEnd, graceEnd and whole days left', () => {
    const lease = status(claims.exp - 2.5 * DAY);
    expect(lease.leaseEnd).toEqual(at(claims.exp));
    expect(lease.graceEnd).toEqual(at(claims.exp + claims.grace));
    expect(lease.daysLeft).toBe(2);
    expect(lease.secondsLeft).toBe(2.5 * DAY);
    expect(status(claims.exp + 10).daysLeft).toBe(0);
    expect(status(claims.exp + 10).secondsLeft).toBe(0);
  });

  it('reports a clock before iat beyond the skew as tampered, inside the skew as valid', () => {
    expect(status(T0 - 300).status).toBe('valid');
    const early = status(T0 - 301);
    expect(early.status).toBe('clock-tampered');
    expect(early.tamperReason).toBe('clock-before-issued');
    expect(evaluateLease(claims, { now: at(T0 - 1000), clockSkewSeconds: 1000 }).status).toBe('valid');
  });

  it('reports a clock rolled back before lastSeen beyond the skew as tampered', () => {
    const lastSeen = T0 + 10 * DAY;
    expect(status(lastSeen - 300, lastSeen).status).toBe('valid');
    const rolledBack = status(lastSeen - 301, lastSeen);
    expect(rolledBack.status).toBe('clock-tampered');
    expect(rolledBack.tamperReason).toBe('clock-before-last-seen');
    // Rolling the clock back from an expired lease must not revive it.
    expect(status(T0 + 5 * DAY, claims.exp + claims.grace + DAY).status).toBe('clock-tampered');
  });
});
