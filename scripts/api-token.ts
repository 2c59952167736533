/**
 * `npm run api-token -- create --name "web shop" --scope licenses:write --scope licenses:read [--expires 2027-12-31]`
 * prints a new management API token, for a headless server's first token. Also `list`, and
 * `revoke NAME-OR-ID`. Audited as "console".
 */
import { parseArgs } from 'node:util';
import { closeDb } from '@/db/client';
import { apiTokenSummaries, createApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import type { Actor } from '@/lib/core/actor';
import { API_SCOPES } from '@/lib/core/enums';

const CONSOLE: Actor = { type: 'system', label: 'console', ip: '' };
const USAGE = `Usage:
  npm run api-token -- create --name "web shop" --scope licenses:write [--scope …] [--expires YYYY-MM-DD]
  npm run api-token -- list
  npm run api-token -- revoke NAME-OR-ID
Scopes: ${API_SCOPES.join(', ')}`;

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, scope: { type: 'string', multiple: true }, expires: { type: 'string' }, help: { type: 'boolean' } },
  });
  const [command, target] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (command === 'create') {
    const expiresAt = values.expires ? new Date(`${values.expires}T23:59:59Z`) : null;
    const result = await createApiToken({ name: values.name ?? '', scopes: values.scope ?? [], expiresAt }, CONSOLE);
    if (!result.ok) {
      const fields = Object.entries(result.fieldErrors ?? {}).map(([field, messages]) => `  --${field === 'scopes' ? 'scope' : field === 'expiresAt' ? 'expires' : field}: ${messages.join(' ')}`);
      console.error([fields.length > 0 ? 'The token was not created:' : result.message, ...fields, '', USAGE].join('\n'));
      return 1;
    }
    console.log(`Token "${result.summary.name}" (${result.summary.scopes.join(' ')}), shown only this once:\n\n  ${result.token}\n\nSend it as "Authorization: Bearer <token>". Revoke it with: npm run api-token -- revoke "${result.summary.name}"`);
    return 0;
  }
  if (command === 'list') {
    const tokens = await apiTokenSummaries();
    if (tokens.length === 0) console.log('No API tokens.');
    for (const token of tokens) {
      const state = token.revokedAt ? `revoked ${token.revokedAt.toISOString().slice(0, 10)}` : token.expiresAt ? `expires ${token.expiresAt.toISOString().slice(0, 10)}` : 'no expiry';
      console.log(`${token.id}  ${token.hint}  ${token.name}  [${token.scopes.join(' ')}]  ${state}  last used ${token.lastUsedAt?.toISOString() ?? 'never'}`);
    }
    return 0;
  }
  if (command === 'revoke' && target) {
    const matches = (await apiTokenSummaries()).filter((token) => !token.revokedAt && (token.id === target || token.name === target));
    if (matches.length !== 1) {
      console.error(matches.length === 0 ? `No active token is named or has the id "${target}". See: npm run api-token -- list` : `Several active tokens are named "${target}": revoke one by its id (npm run api-token -- list).`);
      return 1;
    }
    const result = await revokeApiToken(matches[0]!.id, CONSOLE);
    if (!result.ok) {
      console.error(result.message);
      return 1;
    }
    console.log(`Token "${result.summary.name}" revoked: calls with it are refused from now on.`);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

let code: number;
try {
  code = await run(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  code = 2;
} finally {
  await closeDb();
}
process.exit(code!);
