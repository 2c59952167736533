import 'server-only';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { findUserById } from '@/db/queries/users';
import { signOutEverywhere } from '@/lib/auth/sessions';
import type { SignInFailure } from '@/lib/auth/check-credentials';
import { gateSignIn } from '@/lib/auth/sign-in-gate';
import type { UserRole } from '@/lib/core/enums';
import { clientAddress } from '@/lib/http/client-address';
import { deriveSecret } from '@/lib/instance/master-key';

/** Carries why a sign-in failed to the login action (the code, never the detail, reaches the URL). */
class SignInRefused extends CredentialsSignin {
  constructor(failure: SignInFailure) {
    super();
    this.code = failure;
  }
}

const credentialsInput = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

async function config(): Promise<NextAuthConfig> {
  return {
    // Gatepass is self-hosted behind whatever host name the vendor gives it.
    trustHost: true,
    // Derived lazily from the master key: no extra secret to configure (AUTH_SECRET overrides).
    secret: process.env.AUTH_SECRET || (await deriveSecret('auth-session')),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/login' },
    logger: {
      // A refused sign-in is an expected outcome (and audited when it locks); keep it out of the error log.
      error(error) {
        if (error instanceof CredentialsSignin) return;
        console.error('[auth]', error);
      },
    },
    events: {
      // Signing out ends every session of the user, not only this browser's cookie:
      // a copied cookie must not outlive the sign-out.
      async signOut(message) {
        const userId = 'token' in message ? message.token?.sub : undefined;
        if (userId) await signOutEverywhere(userId);
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const parsed = credentialsInput.safeParse(raw);
          if (!parsed.success) throw new SignInRefused('invalid');
          const result = await gateSignIn(parsed.data.email, parsed.data.password, clientAddress(request.headers));
          if (!result.ok) throw new SignInRefused(result.failure);
          return { id: result.user.id, email: result.user.email, name: result.user.name };
        },
      }),
    ],
    callbacks: {
      // Runs on every auth() call: the cookie only names the user and when they signed
      // in; role and status are read from the database each time, so a role change takes
      // effect on the next request, and a session opened before the user's
      // sessions_valid_after (sign-out, disable, password reset) is over, even if someone
      // kept a copy of its cookie.
      async jwt({ token, user }) {
        const id = user?.id ?? token.sub;
        const row = id ? await findUserById(id) : undefined;
        if (!row || row.disabledAt) return null;
        const signedInAt = user ? Date.now() : Number(token.signedInAt ?? 0);
        if (row.sessionsValidAfter && signedInAt <= row.sessionsValidAfter.getTime()) return null;
        return { ...token, sub: row.id, email: row.email, name: row.name, role: row.role, signedInAt };
      },
      async session({ session, token }) {
        return {
          ...session,
          user: { ...session.user, id: token.sub!, email: token.email as string, name: token.name as string, role: token.role as UserRole },
        };
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
