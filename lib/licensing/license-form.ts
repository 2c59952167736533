/**
 * How the license forms' date fields read: a license "expires on" a day and works
 * through the end of that day (UTC), so a customer never loses the last day they paid for.
 */
export function expiryFromDateInput(value: string): Date | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return new Date(Number.NaN);
  return new Date(`${trimmed}T23:59:59Z`);
}

/** A stored expiry as a date field's value. */
export function dateInputValue(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : '';
}

/** A form field holding a whole number, or NaN so the domain schema can say what is wrong. */
export function wholeNumberField(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}
