import { DAY } from '@/lib/licensing/durations';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: DAY };

/**
 * Reads a duration setting: plain seconds (`604800`) or a number with a unit
 * (`45s`, `30m`, `12h`, `7d`). Anything else is a configuration mistake.
 */
export function parseDurationSetting(name: string, value: string | undefined, fallbackSeconds: number): number {
  if (value === undefined || value.trim() === '') return fallbackSeconds;
  const match = /^(\d+)\s*([smhd]?)$/.exec(value.trim());
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2] || 's']! : NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0) {
    throw new Error(`${name} must be a positive number of seconds, or a number with s, m, h or d (e.g. "7d"); got "${value}"`);
  }
  return seconds;
}

/** GATEPASS_REQUEST_MAX_AGE: how old an activation request may be when uploaded. Default 7 days. */
export function requestMaxAgeSeconds(env: Record<string, string | undefined> = process.env): number {
  return parseDurationSetting('GATEPASS_REQUEST_MAX_AGE', env.GATEPASS_REQUEST_MAX_AGE, 7 * DAY);
}
