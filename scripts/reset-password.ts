/**
 * `npm run reset-password -- EMAIL`: gives a staff account a new generated password
 * and unlocks it, for when the first admin's password is lost. Audited as "system".
 */
import { closeDb } from '@/db/client';
import { resetPasswordFromConsole } from '@/lib/auth/users';

const email = process.argv[2];
if (!email) {
  console.error('Usage: npm run reset-password -- admin@example.com');
  process.exit(2);
}
const result = await resetPasswordFromConsole(email);
closeDb();
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
console.log(`New password for ${email}:  ${result.password}\n(shown only this once; the account is unlocked and enabled)`);
