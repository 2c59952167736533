import path from 'node:path';
import { dataDir } from '@/db/data-dir';

/**
 * What `npm run seed:scale` leaves in the data directory for `npm run bench:scale`: things
 * a person would search for (spread over the whole catalogue), and the catalogue's size.
 */
export interface ScaleSample {
  keys: string[];
  keyGroups: string[];
  customerNames: string[];
  customerEmails: string[];
  hostnames: string[];
  fingerprintPrefixes: string[];
  bigLicenseKeys: string[];
  licenses: number;
  seats: number;
}

export function scaleSampleFile(): string {
  return path.join(dataDir(), 'scale-sample.json');
}
