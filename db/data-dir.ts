import path from 'node:path';

/** Where Gatepass keeps its database and key file: `GATEPASS_DATA_DIR`, default `./data`. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.GATEPASS_DATA_DIR || 'data');
}
