import type { LicenseStatus } from '@/db/schema';
import { hashLicenseKey, normalizeLicenseKey } from '@/lib/licensing/license-key';

export interface LicenseQuery {
  text?: string;
  keyHash?: string;
  keyGroup?: string;
  status?: LicenseStatus;
}

const FULL_KEY_LENGTH = 25;
const GROUP_LENGTH = 5;

/**
 * What a search box's words mean: a whole key is looked up by its hash (keys are not
 * stored in clear), one group of five is matched against the first or last group a
 * customer reads out, and anything else searches customer names and emails.
 */
export function parseLicenseQuery(q: string, status?: string): LicenseQuery {
  const query: LicenseQuery = {};
  if (status === 'active' || status === 'suspended') query.status = status;
  const trimmed = q.trim();
  if (!trimmed) return query;
  const normalized = normalizeLicenseKey(trimmed);
  const looksLikeKey = /^[0-9A-Z]+$/.test(normalized);
  if (looksLikeKey && normalized.length === FULL_KEY_LENGTH) return { ...query, keyHash: hashLicenseKey(trimmed) };
  if (looksLikeKey && normalized.length === GROUP_LENGTH) return { ...query, keyGroup: normalized, text: trimmed };
  return { ...query, text: trimmed };
}
