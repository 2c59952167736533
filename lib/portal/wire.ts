/**
 * The JSON between the portal's pages and `/api/portal/*`, with dates kept as dates.
 * A Date travels as `{ "$date": "<ISO>" }`, an object no field a person controls can
 * produce (a host name that looks like a time stays a string).
 */

export function toWire(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, encoded: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : encoded;
  });
}

function isWireDate(value: unknown): value is { $date: string } {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 1 && typeof (value as { $date?: unknown }).$date === 'string';
}

export function fromWire(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => (isWireDate(value) ? new Date(value.$date) : value));
}
