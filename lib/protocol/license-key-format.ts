/**
 * The printed form of a Gatepass license key: five groups of five Crockford base32
 * characters joined by dashes, upper case. The license-file key is derived from this
 * exact string (DESIGN.md "Fixed details": IKM = the license key as printed), so the
 * SDK and the portal both canonicalize whatever a person typed before using it.
 */
const CROCKFORD = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{25}$/;

/**
 * A typed key without its grouping: upper case, no spaces or dashes, and the look-alikes
 * `O`→`0`, `I`/`L`→`1` read as Crockford base32 reads them. The portal hashes this form.
 *
 * @example compactLicenseKey('bvjmy 5hmtp-7pwr3') // 'BVJMY5HMTP7PWR3'
 */
export function compactLicenseKey(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/**
 * Turns a typed key into its printed form: case, spaces and dashes do not matter, and
 * the look-alikes `O`→`0`, `I`/`L`→`1` are read as Crockford base32 reads them. A string
 * that is not a Gatepass key shape is returned trimmed, unchanged otherwise.
 *
 * @example canonicalLicenseKey(' bvjmy 5hmtp-7pwr3-5cc3h-6ox8d ') // 'BVJMY-5HMTP-7PWR3-5CC3H-60X8D'
 */
export function canonicalLicenseKey(typed: string): string {
  const compact = compactLicenseKey(typed);
  if (!CROCKFORD.test(compact)) return typed.trim();
  return compact.match(/.{5}/g)!.join('-');
}
