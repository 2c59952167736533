'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn, signOut } from '@/lib/auth/auth';
import { SIGN_IN_MESSAGES, type SignInFailure } from '@/lib/auth/check-credentials';

export type SignInState = { ok: false; code: string; message: string } | undefined;

/** Only same-site paths: an open redirect after sign-in would help phishing. */
function safeReturnPath(value: FormDataEntryValue | null): string {
  const path = typeof value === 'string' ? value : '';
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/staff';
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  try {
    await signIn('credentials', {
      email: formData.get('email'),
      password: formData.get('password'),
      redirectTo: safeReturnPath(formData.get('callbackUrl')),
    });
    return undefined;
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const failure = (error.code in SIGN_IN_MESSAGES ? error.code : 'invalid') as SignInFailure;
      return { ok: false, code: `ERR_SIGN_IN_${failure.toUpperCase()}`, message: SIGN_IN_MESSAGES[failure] };
    }
    if (error instanceof AuthError) return { ok: false, code: 'ERR_SIGN_IN', message: 'Sign-in failed. Reload the page and try again.' };
    throw error; // Next.js's redirect after a successful sign-in travels as an error.
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
