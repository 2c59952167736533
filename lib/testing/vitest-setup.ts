// Each test file gets its own data directory and master key: a real SQLite file,
// migrated on first use, and never the developer's ./data.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

if (!process.env.GATEPASS_KEEP_TEST_ENV) {
  process.env.GATEPASS_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'gatepass-unit-'));
  process.env.GATEPASS_MASTER_KEY = crypto.randomBytes(32).toString('hex');
}
