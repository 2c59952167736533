/**
 * `npm run reset-password -- EMAIL`: gives a staff account a new generated password,
 * unlocks and enables it, for when the first admin's password is lost. Audited as "console".
 */
import { closeDb } from '@/db/client';
import { findUserByEmail } from '@/db/queries/users';
import { resetUserPassword } from '@/lib/auth/users-admin';

const email = process.argv[2];
if (!email) {
  console.error('Usage: npm run reset-password -- admin@example.com');
  process.exit(2);
}
const user = await findUserByEmail(email);
const result = user
  ? await resetUserPassword(user.id, { type: 'system', label: 'console', ip: '' }, { enable: true })
  : { ok: false as const, message: `No staff account has the email ${email}. Check the spelling, or look at the users in the admin area.` };
await closeDb();
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
console.log(`New password for ${email}:  ${result.password}\n(shown only this once; the account is unlocked and enabled, its old sessions ended)`);
