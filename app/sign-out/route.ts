import { signOut } from '@/lib/auth/auth';
import { refuseCrossOrigin } from '@/lib/http/same-origin';

export const dynamic = 'force-dynamic';

/**
 * POST /sign-out: the header's Sign out button, a plain form on every page (the end-user
 * pages have no server actions). Ends every session of the user (lib/auth/auth.ts
 * events.signOut) and sends the browser to the sign-in page. Another site's form is refused.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  await signOut({ redirect: false });
  return new Response(null, { status: 303, headers: { Location: '/login', 'Cache-Control': 'no-store' } });
}
