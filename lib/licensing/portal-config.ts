import { DAY } from '@/lib/licensing/durations';
import { parseDuration } from '@/lib/protocol';

/**
 * Reads a duration setting in the protocol's one text form (`604800`, `45s`, `30m`,
 * `12h`, `7d`, `2w`). Anything else is a configuration mistake, named as such.
 */
function parseDurationSetting(name: string, value: string | undefined, fallbackSeconds: number): number {
  if (value === undefined || value.trim() === '') return fallbackSeconds;
  const seconds = parseDuration(value);
  if (seconds === null) {
    throw new Error(`${name} must be a positive number of seconds, or a number with s, m, h, d or w (e.g. "7d"); got "${value}"`);
  }
  return seconds;
}

/** GATEPASS_REQUEST_MAX_AGE: how old an activation request may be when uploaded. Default 7 days. */
export function requestMaxAgeSeconds(env: Record<string, string | undefined> = process.env): number {
  return parseDurationSetting('GATEPASS_REQUEST_MAX_AGE', env.GATEPASS_REQUEST_MAX_AGE, 7 * DAY);
}
