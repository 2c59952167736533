/**
 * The typed form of the air-gapped codes (docs/PROTOCOL.md "Activation codes"): bits
 * packed into Crockford base32, in groups of five characters of which the fifth is a
 * check character. The check character makes the sum over the group, weighted by
 * powers of a primitive element α of GF(32), equal a constant that depends on the
 * group's position, so one mistyped character, two swapped characters in a group, and
 * two swapped groups are always caught, and the message names the group.
 */
import { ProtocolError, type ProtocolErrorDetails } from './errors';

/** Crockford base32: no I, L, O, U (https://www.crockford.com/base32.html). */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Data characters per group; the fifth character of a group is its check character. */
export const CODE_GROUP_DATA = 4;
const GROUP = CODE_GROUP_DATA + 1;

// GF(32) with the primitive polynomial x^5 + x^2 + 1: α = 2 has order 31.
const EXP: number[] = [];
const LOG: number[] = new Array<number>(32).fill(0);
for (let i = 0, x = 1; i < 31; i++) {
  EXP.push(x);
  LOG[x] = i;
  x <<= 1;
  if (x & 32) x ^= 0b100101;
}
const mul = (a: number, b: number) => (a === 0 || b === 0 ? 0 : EXP[(LOG[a]! + LOG[b]!) % 31]!);
const alphaPow = (n: number) => EXP[n % 31]!;

/** Σ α^(i+1)·s_i over the group's characters (values 0..31), in GF(32). */
function groupSum(values: readonly number[]): number {
  return values.reduce((sum, v, i) => sum ^ mul(alphaPow(i + 1), v), 0);
}

/** The constant each group must sum to: its position, so swapped groups are caught. */
const groupConstant = (index: number) => (index % 31) + 1;

/**
 * The check character of a group's four data values at a position.
 *
 * @example checkValue([1, 2, 3, 4], 0) // a value 0..31
 */
function checkValue(data: readonly number[], groupIndex: number): number {
  // Solve Σ_{i<4} α^(i+1) d_i + α^5 c = constant(g) for c.
  const rest = groupSum(data) ^ groupConstant(groupIndex);
  return mul(rest, EXP[(31 - 5) % 31]!);
}

/**
 * Data values (0..31) as the printed code: groups of four data characters and their
 * check character, joined by dashes.
 *
 * @example formatCode([0, 1, 2, 3]) // 'P123X'-like: one group of five
 */
export function formatCode(values: readonly number[]): string {
  if (values.length % CODE_GROUP_DATA !== 0) throw new TypeError('code data must fill whole groups');
  const groups: string[] = [];
  for (let g = 0; g < values.length / CODE_GROUP_DATA; g++) {
    const data = values.slice(g * CODE_GROUP_DATA, (g + 1) * CODE_GROUP_DATA);
    groups.push([...data, checkValue(data, g)].map((v) => CROCKFORD_ALPHABET[v]).join(''));
  }
  return groups.join('-');
}

/**
 * What a person typed, read forgivingly: case, spaces, dashes and dots do not matter, and
 * `O`→`0`, `I`/`L`→`1` are read as Crockford reads them. `U` stays: it is no code character.
 *
 * @example normalizeCodeText(' ab1cd-efgh ') // 'AB1CDEFGH'
 */
export function normalizeCodeText(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-.–—_]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/**
 * Reads a typed code of `groups` groups back into its data values, checking every group.
 *
 * @throws {ProtocolError} ERR_CODE_MISTYPED naming the first group that fails its check,
 *   or (when the length is wrong) the first group that fails, with `lengthDelta`
 * @example parseCode(formatCode(values), values.length / 4, details) // values
 */
export function parseCode(typed: string, groups: number, details: ProtocolErrorDetails): number[] {
  const text = normalizeCodeText(typed);
  const values = [...text].map((c) => CROCKFORD_ALPHABET.indexOf(c));
  const firstBad = (limit: number) => {
    for (let g = 0; g < limit; g++) {
      const group = values.slice(g * GROUP, (g + 1) * GROUP);
      if (group.length < GROUP || group.some((v) => v < 0)) return g;
      if (groupSum(group) !== groupConstant(g)) return g;
    }
    return -1;
  };
  const expected = groups * GROUP;
  if (text.length !== expected) {
    const bad = firstBad(Math.ceil(Math.min(text.length, expected) / GROUP));
    throw new ProtocolError('ERR_CODE_MISTYPED', { ...details, group: (bad < 0 ? Math.floor(Math.min(text.length, expected) / GROUP) : bad) + 1, lengthDelta: text.length - expected });
  }
  const bad = firstBad(groups);
  if (bad >= 0) throw new ProtocolError('ERR_CODE_MISTYPED', { ...details, group: bad + 1 });
  const data: number[] = [];
  for (let g = 0; g < groups; g++) data.push(...values.slice(g * GROUP, g * GROUP + CODE_GROUP_DATA));
  return data;
}

/** Packs unsigned fields MSB first into 5-bit values, padded with zero bits to whole groups. */
export function packBits(fields: ReadonlyArray<{ value: bigint; bits: number }>): number[] {
  let acc = 0n;
  let length = 0;
  for (const { value, bits } of fields) {
    if (value < 0n || value >= 1n << BigInt(bits)) throw new RangeError(`field does not fit in ${bits} bits`);
    acc = (acc << BigInt(bits)) | value;
    length += bits;
  }
  const chars = Math.ceil(length / 5 / CODE_GROUP_DATA) * CODE_GROUP_DATA;
  acc <<= BigInt(chars * 5 - length);
  return Array.from({ length: chars }, (_, i) => Number((acc >> BigInt((chars - 1 - i) * 5)) & 31n));
}

/** The inverse of {@link packBits}: the fields' values; padding bits must be zero (else null). */
export function unpackBits(values: readonly number[], widths: readonly number[]): bigint[] | null {
  let acc = 0n;
  for (const v of values) acc = (acc << 5n) | BigInt(v);
  let remaining = values.length * 5;
  const out: bigint[] = [];
  for (const bits of widths) {
    remaining -= bits;
    if (remaining < 0) return null;
    out.push((acc >> BigInt(remaining)) & ((1n << BigInt(bits)) - 1n));
  }
  return (acc & ((1n << BigInt(remaining)) - 1n)) === 0n ? out : null;
}

export const bytesToBigInt = (bytes: Uint8Array) => bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);

export function bigIntToBytes(value: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--, value >>= 8n) out[i] = Number(value & 0xffn);
  return out;
}
