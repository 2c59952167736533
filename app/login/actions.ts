'use server';

import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/lib/auth/auth';
import { SIGN_IN_MESSAGES, type SignInFailure } from '@/lib/auth/check-credentials';
import { INTERNAL_ERROR_MESSAGE } from '@/lib/http/api-response';
import { requestOrigin, sameOriginPath } from '@/lib/http/same-origin';

const SIGN_IN_FAILED = 'Sign-in failed. Reload the page and try again.';

export type SignInState = { ok: false; code: string; message: string } | undefined;

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  if (!(formData instanceof FormData)) return { ok: false, code: 'ERR_SIGN_IN', message: SIGN_IN_FAILED };
  // Only same-origin paths: an open redirect after sign-in would help phishing.
  const returnTo = sameOriginPath(formData.get('callbackUrl'), requestOrigin(await headers()) ?? 'http://localhost', '/staff');
  try {
    await signIn('credentials', {
      email: formData.get('email'),
      password: formData.get('password'),
      redirectTo: returnTo,
    });
    return undefined;
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const failure = (error.code in SIGN_IN_MESSAGES ? error.code : 'invalid') as SignInFailure;
      return { ok: false, code: `ERR_SIGN_IN_${failure.toUpperCase()}`, message: SIGN_IN_MESSAGES[failure] };
    }
    if (error instanceof AuthError) return { ok: false, code: 'ERR_SIGN_IN', message: SIGN_IN_FAILED };
    unstable_rethrow(error); // Next.js's redirect after a successful sign-in travels as an error.
    console.error('[auth] sign-in failed', error);
    return { ok: false, code: 'ERR_INTERNAL', message: INTERNAL_ERROR_MESSAGE };
  }
}
