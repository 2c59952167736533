import 'server-only';
import { writeTransaction } from '@/db/client';
import { lockFirstStart } from '@/db/queries/instance';
import { countUsers } from '@/db/queries/users';
import { generatePassword } from '@/lib/auth/password';
import { createUser } from '@/lib/auth/users';
import { createDemoData, listDemoLicenses, type DemoLicense } from '@/lib/first-start/demo-data';
import { ensureInstanceKeys } from '@/lib/instance/keys';
import { masterKey, masterKeyFile } from '@/lib/instance/master-key';
import { SYSTEM_ACTOR } from '@/lib/core/actor';

export interface BootstrapReport {
  firstStart: boolean;
  masterKeySource: string;
  signingKeyCreated?: string;
  adminEmail?: string;
  /** Present only when Gatepass generated the password: it is shown this once. */
  generatedPassword?: string;
  demoLicenses: DemoLicense[];
}

/**
 * First start creates the master key, the keys, the first admin and (unless
 * GATEPASS_DEMO=0) the demo data; every later start only checks them (issue 2).
 */
export async function bootstrapInstance(env: Record<string, string | undefined> = process.env): Promise<BootstrapReport> {
  await masterKey();
  const masterKeySource = env.GATEPASS_MASTER_KEY ? 'GATEPASS_MASTER_KEY' : masterKeyFile();
  const keys = await ensureInstanceKeys();
  const report: BootstrapReport = { firstStart: false, masterKeySource, signingKeyCreated: keys.createdSigningKey, demoLicenses: [] };
  if ((await countUsers()) === 0) {
    const email = (env.GATEPASS_ADMIN_EMAIL || 'admin@localhost').trim().toLowerCase();
    const password = env.GATEPASS_ADMIN_PASSWORD || generatePassword();
    // Instances starting together: one creates the first admin, the others find it.
    const created = await writeTransaction(async (tx) => {
      await lockFirstStart(tx);
      if ((await countUsers(tx)) > 0) return false;
      const user = await createUser({ email, name: 'Administrator', role: 'admin', password }, SYSTEM_ACTOR, tx);
      if (!user.ok) throw new Error(user.message);
      return true;
    });
    if (created) {
      report.firstStart = true;
      report.adminEmail = email;
      if (!env.GATEPASS_ADMIN_PASSWORD) report.generatedPassword = password;
      if (env.GATEPASS_DEMO !== '0') await createDemoData();
    }
  }
  report.demoLicenses = await listDemoLicenses();
  return report;
}
