import { handlers } from '@/lib/auth/auth';
import { refuseCrossOrigin } from '@/lib/http/same-origin';

export const { GET } = handlers;

/** Sign-in and sign-out change the session cookie: same-origin only, like every cookie route. */
export async function POST(request: Request): Promise<Response> {
  return refuseCrossOrigin(request) ?? handlers.POST(request as Parameters<typeof handlers.POST>[0]);
}
