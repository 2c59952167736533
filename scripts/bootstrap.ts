/**
 * Prepares the instance before the server starts: migrations, master key, keys,
 * first admin, demo data; then prints how to sign in. Run by scripts/start.mjs.
 */
import { environmentProblem } from '@/lib/first-start/environment';

// Checked before anything reads a setting (db/dialect reads DATABASE_URL as it loads).
const problem = environmentProblem();
if (problem) {
  console.error(`\nGatepass cannot start: ${problem}\n`);
  process.exit(1);
}
const { closeDb, databaseFile, migrateDatabase } = await import('@/db/client');
const { dialect } = await import('@/db/dialect');
const { bootstrapInstance } = await import('@/lib/first-start/first-start');
const { MasterKeyError } = await import('@/lib/instance/master-key');

const url = process.env.GATEPASS_PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`;

try {
  await migrateDatabase();
  const report = await bootstrapInstance();
  const database = dialect === 'pg' ? 'PostgreSQL (DATABASE_URL)' : databaseFile();
  const lines = ['', `Gatepass is starting on ${url}`, `  database:   ${database}`, `  master key: ${report.masterKeySource}`];
  if (report.firstStart) {
    lines.push('', 'First start: created the signing keys and the first administrator.');
    lines.push(`  Sign in at ${url}/login as ${report.adminEmail}`);
    if (report.generatedPassword) {
      lines.push(`  with the password  ${report.generatedPassword}`);
      lines.push(`  (shown only this once: write it down. Lost it? npm run reset-password -- ${report.adminEmail})`);
    } else {
      lines.push('  with the password from GATEPASS_ADMIN_PASSWORD');
    }
  } else {
    lines.push('', `Sign in at ${url}/login with your staff account.`);
  }
  if (report.demoLicenses.length > 0) {
    lines.push('', 'Demo licenses (product "acme-studio"; set GATEPASS_DEMO=0 on first start to skip them):');
    for (const demo of report.demoLicenses) lines.push(`  ${demo.plan.padEnd(13)} ${demo.key}  (${demo.seats} seats)`);
    lines.push(`  Try one: npx gatepass request --jwks ${url}/.well-known/jwks.json --product acme-studio --license-key <KEY> --out machine.req\n           then upload machine.req at ${url}`);
  }
  console.log(lines.join('\n') + '\n');
  await closeDb();
} catch (error) {
  if (error instanceof MasterKeyError) {
    console.error(`\nGatepass cannot start: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
