import { z } from 'zod';
import { dialectOf } from '@/db/dialect';
import { keyCacheMilliseconds } from '@/lib/instance/keys';
import { signInsPerMinute } from '@/lib/auth/sign-in-gate';
import { rateLimitPerMinute } from '@/lib/http/rate-limit';
import { requestMaxAgeSeconds } from '@/lib/licensing/portal-config';

/** A setting whose own reader throws a sentence when it is wrong: run it once, here. */
const readBy = (read: (value: string) => unknown) =>
  z.string().superRefine((value, context) => {
    try {
      read(value);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });

const flag = (name: string) => z.enum(['0', '1'], { error: `${name} must be 0 or 1` });

/** Every setting README.md "Configuration" lists; all are optional. */
const environmentSchema = z.object({
  PORT: z.string().regex(/^\d{1,5}$/, 'PORT must be a port number such as 3000').refine((v) => Number(v) >= 1 && Number(v) <= 65_535, 'PORT must be between 1 and 65535').optional(),
  GATEPASS_HOST: z.string().min(1, 'GATEPASS_HOST must name an address to bind, such as 127.0.0.1').optional(),
  GATEPASS_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'GATEPASS_PUBLIC_URL must be the http:// or https:// address people open, such as https://activate.example.com' })
    .optional(),
  GATEPASS_MASTER_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9_-]{43})$/, 'GATEPASS_MASTER_KEY must be 32 random bytes as 64 hex characters; generate one with: openssl rand -hex 32')
    .optional(),
  GATEPASS_ADMIN_EMAIL: z.email({ error: 'GATEPASS_ADMIN_EMAIL must be an email address, such as admin@example.com' }).optional(),
  GATEPASS_ADMIN_PASSWORD: z.string().min(12, 'GATEPASS_ADMIN_PASSWORD must be at least 12 characters long; or leave it unset and Gatepass prints a generated one').optional(),
  GATEPASS_DEMO: flag('GATEPASS_DEMO').optional(),
  GATEPASS_TRUST_PROXY: flag('GATEPASS_TRUST_PROXY').optional(),
  GATEPASS_RATE_LIMIT_PER_MINUTE: readBy((value) => rateLimitPerMinute({ GATEPASS_RATE_LIMIT_PER_MINUTE: value })).optional(),
  GATEPASS_SIGN_IN_PER_MINUTE: readBy((value) => signInsPerMinute({ GATEPASS_SIGN_IN_PER_MINUTE: value })).optional(),
  GATEPASS_REQUEST_MAX_AGE: readBy((value) => requestMaxAgeSeconds({ GATEPASS_REQUEST_MAX_AGE: value })).optional(),
  DATABASE_URL: readBy((value) => dialectOf(value)).optional(),
  GATEPASS_DB_POOL_SIZE: z.string().regex(/^[1-9]\d{0,3}$/, 'GATEPASS_DB_POOL_SIZE must be a whole number of connections, such as 10').optional(),
  GATEPASS_KEY_CACHE_SECONDS: readBy((value) => keyCacheMilliseconds({ GATEPASS_KEY_CACHE_SECONDS: value })).optional(),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters; or leave it unset and Gatepass derives one from the master key').optional(),
});

/**
 * Checks the environment once, at start (scripts/bootstrap.ts), so a misconfigured
 * instance stops with one sentence that names the setting and the fix, instead of
 * failing on some later request. Empty values count as unset.
 *
 * @example
 * const problem = environmentProblem({ PORT: 'eighty' });
 * // "PORT must be a port number such as 3000."
 */
export function environmentProblem(env: Record<string, string | undefined> = process.env): string | null {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const result = environmentSchema.safeParse(set);
  if (result.success) return null;
  const message = result.error.issues[0]!.message;
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
