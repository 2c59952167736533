import crypto from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/**
 * A UUID version 7 (RFC 9562 §5.7): milliseconds since the epoch in the first 48 bits,
 * then a counter that grows within one millisecond of this process, then random bits.
 * Ids made later sort after earlier ones, so "newest first" can break ties between rows
 * stamped in the same second by id, on any database.
 *
 * @example
 * timeOrderedId(); // '019a3c6e-1f2b-7000-8a4d-…'
 */
export function timeOrderedId(now = Date.now()): string {
  if (now <= lastMs) {
    sequence += 1;
    now = lastMs;
  } else {
    lastMs = now;
    sequence = 0;
  }
  const bytes = crypto.randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  // 12 bits of sequence (rand_a), after the version nibble.
  bytes[6] = 0x70 | ((sequence >> 8) & 0x0f);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f); // the RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
