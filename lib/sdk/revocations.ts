/**
 * The revocation list on this machine (docs/PROTOCOL.md "Revocation list"): the newest
 * verified list the SDK has seen, kept in the state directory. An older list is refused;
 * the list is verified again at every check, so a changed file is noticed.
 */
import { ProtocolError, verifyRevocationList, type JSONWebKeySet, type LicenseClaims, type VerifiedRevocationList } from '../protocol';
import { SdkError } from './errors';
import { STATE_FILES, type StateStore } from './state-store';

/** What a machine knows of its list, for status output. */
export interface InstalledRevocationList {
  sequence: number;
  issuedAt: Date;
  /** How many entries the list holds. */
  size: number;
}

const summary = (list: VerifiedRevocationList): InstalledRevocationList => ({ sequence: list.claims.seq, issuedAt: new Date(list.claims.iat * 1000), size: list.size });

/** Whether the text holds a revocation list block (a license file from the portal carries one). */
export const holdsRevocationList = (text: string) => text.includes('-----BEGIN GATEPASS REVOCATION LIST-----');

/**
 * The revocation list of one installation.
 *
 * @example
 * const revocations = revocationsOf(store, jwks, 'photo-pro');
 * await revocations.install(await readFile('revocations.txt', 'utf8'));
 */
export function revocationsOf(store: StateStore, jwks: JSONWebKeySet, product: string) {
  async function installed(): Promise<VerifiedRevocationList | null> {
    const text = await store.read(STATE_FILES.revocations);
    return text ? verifyRevocationList(text, { jwks, product }) : null;
  }

  return {
    installed,
    /**
     * Verifies and keeps a list unless the machine has a newer one. `carried`: the list came
     * inside a license file, where an older list is skipped instead of refused.
     * @throws {SdkError} ERR_REVOCATION_LIST_OLDER; {ProtocolError} for a tampered or foreign list
     */
    async install(text: string, options: { carried?: boolean } = {}): Promise<InstalledRevocationList> {
      const list = await verifyRevocationList(text, { jwks, product });
      const current = await installed().catch((error: unknown) => {
        // A damaged stored list is replaced by a good one.
        if (error instanceof ProtocolError) return null;
        throw error;
      });
      if (current && current.claims.seq > list.claims.seq) {
        if (options.carried) return summary(current);
        throw new SdkError('ERR_REVOCATION_LIST_OLDER', {
          message: `This revocation list (#${list.claims.seq}) is older than the one this machine has (#${current.claims.seq}), so nothing was changed. Download the current list from the activation portal.`,
        });
      }
      if (!current || current.claims.seq < list.claims.seq) await store.write(STATE_FILES.revocations, text.slice(text.indexOf('-----BEGIN GATEPASS REVOCATION LIST-----')), 0o644);
      return summary(list);
    },
    /** What the installed list names of this license: 'license', 'device' or null. Throws when the stored list was changed. */
    async revokes(claims: LicenseClaims): Promise<'license' | 'device' | null> {
      return (await installed())?.revokes(claims) ?? null;
    },
    summary,
  };
}
