/**
 * The one text form of a duration, shared by the SDK/CLI (`--duration 30d`, the
 * request's `requested_duration`) and the portal's settings (GATEPASS_REQUEST_MAX_AGE).
 * Parses a lease length such as `30d`, `12h`, `90m`, `3600s`, `2w` or a bare
 * number of seconds. Returns seconds, or null when the text is not a duration.
 *
 * @example
 * parseDuration('30d'); // 2592000
 */
export function parseDuration(text: string): number | null {
  const match = /^\s*(\d+)\s*([smhdw]?)\s*$/i.exec(text);
  if (!match) return null;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 }[match[2]!.toLowerCase() as '' | 's'];
  const seconds = Number(match[1]) * unit;
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : null;
}
