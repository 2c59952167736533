import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect, unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { UserRole } from '@/lib/core/enums';
import { auth } from '@/lib/auth/auth';
import { clientAddress } from '@/lib/http/client-address';
import type { Actor } from '@/lib/core/actor';
import { fail, fieldErrorsOf, httpStatusOf, type Failure } from '@/lib/core/result';
import { INTERNAL_ERROR_MESSAGE } from '@/lib/http/api-response';

export interface Staff {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/** Who may use each staff area (issue 6: support and admin may use /support). */
export const ADMIN_ONLY: readonly UserRole[] = ['admin'];
export const SUPPORT_OR_ADMIN: readonly UserRole[] = ['support', 'admin'];

/** The signed-in staff member, re-read from the database on every call, or null. */
export async function currentStaff(): Promise<Staff | null> {
  const session = await auth();
  return session?.user?.id ? session.user : null;
}

async function staffActor(staff: Staff): Promise<Actor> {
  return { type: 'user', id: staff.id, label: staff.email, ip: clientAddress(await headers()) };
}

/**
 * The server-side check of every staff page: anonymous visitors go to the sign-in
 * page and come back after it; a signed-in user without the role gets a 403 page.
 */
export async function requireStaffPage(roles: readonly UserRole[], returnTo: string): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!roles.includes(staff.role)) forbidden();
  return staff;
}

const NOT_SIGNED_IN = 'Your session has ended. Sign in again, then repeat what you did.';
const FORBIDDEN = 'Your role does not allow this. Ask an admin if you need it.';
const FORM_MISSING = 'The portal could not read this form. Reload the page and try again.';

/** The role check of a server action or route, as a Failure when it does not pass. */
async function checkStaff(roles: readonly UserRole[]): Promise<{ ok: true; staff: Staff; actor: Actor } | Failure<'ERR_UNAUTHENTICATED' | 'ERR_FORBIDDEN'>> {
  const staff = await currentStaff();
  if (!staff) return fail('ERR_UNAUTHENTICATED', NOT_SIGNED_IN);
  if (!roles.includes(staff.role)) return fail('ERR_FORBIDDEN', FORBIDDEN);
  return { ok: true, staff, actor: await staffActor(staff) };
}

/**
 * Wraps a staff server action: role check on the server, then zod parsing of the
 * form, then `fn`. Returns `fn`'s result or a Failure; never throws to the client.
 *
 * @example
 * export const suspendLicenseAction = staffAction(ADMIN_ONLY, z.object({ id: z.string() }), (input, { actor }) => suspendLicense(input.id, actor));
 */
export function staffAction<S extends z.ZodType, R extends object>(
  roles: readonly UserRole[],
  schema: S,
  fn: (input: z.output<S>, context: { staff: Staff; actor: Actor }) => R | Promise<R>,
) {
  return async (_previous: unknown, formData: FormData): Promise<R | Failure> => {
    try {
      const check = await checkStaff(roles);
      if (!check.ok) return check;
      // A hand-made action call can send anything in place of the form.
      if (!(formData instanceof FormData)) return fail('ERR_VALIDATION', FORM_MISSING);
      const parsed = schema.safeParse(formDataToObject(formData));
      if (!parsed.success) return fail('ERR_VALIDATION', 'Check the highlighted fields.', fieldErrorsOf(parsed.error));
      return await fn(parsed.data, { staff: check.staff, actor: check.actor });
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound() and forbidden() travel as errors
      console.error('[staff] server action failed', error);
      return fail('ERR_INTERNAL', INTERNAL_ERROR_MESSAGE);
    }
  };
}

/** Form fields as an object; a name that appears more than once becomes an array. */
function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const text = typeof value === 'string' ? value : value.name;
    const existing = out[key];
    out[key] = existing === undefined ? text : Array.isArray(existing) ? [...existing, text] : [existing, text];
  }
  return out;
}

/** For route handlers: the staff context, or the JSON error Response to return. */
export async function requireStaffForRoute(roles: readonly UserRole[]): Promise<{ ok: true; staff: Staff; actor: Actor } | { ok: false; response: Response }> {
  const check = await checkStaff(roles);
  if (check.ok) return check;
  return { ok: false, response: Response.json({ error: { code: check.code, message: check.message } }, { status: httpStatusOf(check.code) }) };
}
