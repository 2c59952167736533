import 'server-only';
import crypto from 'node:crypto';
import { z } from 'zod';
import { writeTransaction } from '@/db/client';
import { audit } from '@/db/queries/audit';
import { findApiTokenByHash, findApiTokenById, insertApiToken, listApiTokens, markApiTokenRevoked, touchApiToken } from '@/db/queries/api-tokens';
import type { ApiToken } from '@/db/schema';
import type { Actor } from '@/lib/core/actor';
import { API_SCOPES, type ApiScope } from '@/lib/core/enums';
import { fail, fieldErrorsOf, type Result } from '@/lib/core/result';

/**
 * Management API tokens (docs/API.md "Management API"): `gpat_` and 43 base64url
 * characters (256 random bits). Only the SHA-256 is stored; the token is shown once.
 * A token acts as itself in the audit log (`API token "shop backend"`), within its scopes.
 */
const TOKEN_PREFIX = 'gpat_';
const TOKEN_SHAPE = /^gpat_[A-Za-z0-9_-]{43}$/;

function hashApiToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export interface ApiTokenSummary {
  id: string;
  name: string;
  /** `gpat_AbCd…`: enough to tell tokens apart, useless to an attacker. */
  hint: string;
  scopes: ApiScope[];
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

function summary(row: ApiToken): ApiTokenSummary {
  return {
    id: row.id,
    name: row.name,
    hint: `${row.tokenPrefix}…`,
    scopes: scopesOf(row),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
  };
}

function scopesOf(row: ApiToken): ApiScope[] {
  return row.scopes.split(' ').filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s));
}

const createInput = z.object({
  name: z.string().trim().min(1, 'Name the token after what uses it, for example "web shop".').max(100, 'Use at most 100 characters.'),
  scopes: z
    .array(z.string())
    .pipe(z.array(z.enum(API_SCOPES, { error: `Choose scopes among ${API_SCOPES.join(', ')}.` })))
    .refine((scopes) => scopes.length > 0, 'Choose at least one scope.')
    .transform((scopes) => API_SCOPES.filter((scope) => scopes.includes(scope))),
  expiresAt: z.date({ error: 'Choose a valid date, or leave it empty for no expiry.' }).nullable().default(null),
});
export type CreateApiTokenInput = z.input<typeof createInput>;

/** Creates a token; the answer carries the token itself, this once. Audited. */
export async function createApiToken(input: CreateApiTokenInput, actor: Actor, now = new Date()): Promise<Result<{ token: string; summary: ApiTokenSummary }>> {
  const parsed = createInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Check the highlighted fields.', fieldErrorsOf(parsed.error));
  const { name, scopes, expiresAt } = parsed.data;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) return fail('ERR_VALIDATION', 'The expiry must be in the future.', { expiresAt: ['Choose a date in the future.'] });
  const token = `${TOKEN_PREFIX}${crypto.randomBytes(32).toString('base64url')}`;
  const id = crypto.randomUUID();
  const row = {
    id,
    name,
    tokenHash: hashApiToken(token),
    tokenPrefix: token.slice(0, TOKEN_PREFIX.length + 4),
    scopes: scopes.join(' '),
    createdBy: actor.type === 'user' ? (actor.id ?? null) : null,
    createdAt: new Date(Math.floor(now.getTime() / 1000) * 1000),
    expiresAt,
  };
  await writeTransaction(async (tx) => {
    await insertApiToken(row, tx);
    await audit(tx, actor, 'api_token.create', { type: 'api_token', id }, { name, scopes, expiresAt: expiresAt?.toISOString() ?? null }, now);
  });
  return { ok: true, token, summary: summary({ ...row, revokedAt: null, lastUsedAt: null }) };
}

export async function revokeApiToken(id: string, actor: Actor, now = new Date()): Promise<Result<{ summary: ApiTokenSummary }>> {
  return writeTransaction(async (tx) => {
    const row = await findApiTokenById(id, tx);
    if (!row) return fail('ERR_NOT_FOUND', 'That token does not exist. Reload the page.');
    if (!(await markApiTokenRevoked(id, now, tx))) return fail('ERR_CONFLICT', `The token "${row.name}" is already revoked.`);
    await audit(tx, actor, 'api_token.revoke', { type: 'api_token', id }, { name: row.name }, now);
    return { ok: true, summary: summary({ ...row, revokedAt: now }) };
  });
}

export async function apiTokenSummaries(): Promise<ApiTokenSummary[]> {
  return (await listApiTokens()).map(summary);
}

export interface ApiCaller {
  tokenId: string;
  scopes: ApiScope[];
  actor: Actor;
}

const HOW_TO_SEND = 'Send a management API token as "Authorization: Bearer gpat_…"; an admin creates one under Admin → API tokens.';

/**
 * The caller behind an `Authorization: Bearer` header: 401 without a token or with one
 * that is unknown, revoked or expired; 403 when it lacks `scope` (naming it).
 */
export async function authenticateApiCall(authorization: string | null, scope: ApiScope, ip: string, now = new Date()): Promise<Result<{ caller: ApiCaller }>> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return fail('ERR_UNAUTHENTICATED', `This endpoint needs an API token. ${HOW_TO_SEND}`);
  const token = match[1]!;
  const row = TOKEN_SHAPE.test(token) ? await findApiTokenByHash(hashApiToken(token)) : undefined;
  if (!row) return fail('ERR_UNAUTHENTICATED', `This API token is not valid: check that it was copied whole. ${HOW_TO_SEND}`);
  if (row.revokedAt) return fail('ERR_UNAUTHENTICATED', `The API token "${row.name}" was revoked on ${row.revokedAt.toISOString().slice(0, 10)}. Ask an admin for a new one.`);
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return fail('ERR_UNAUTHENTICATED', `The API token "${row.name}" expired on ${row.expiresAt.toISOString().slice(0, 10)}. Ask an admin for a new one.`);
  const scopes = scopesOf(row);
  if (!scopes.includes(scope)) {
    return fail('ERR_SCOPE_MISSING', `The API token "${row.name}" lacks the scope ${scope} (it has ${scopes.join(', ')}). Ask an admin for a token with ${scope}.`);
  }
  await touchApiToken(row.id, now);
  return { ok: true, caller: { tokenId: row.id, scopes, actor: { type: 'api_token', id: row.id, label: `API token "${row.name}"`, ip } } };
}
