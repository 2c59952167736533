'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { signInAction, type SignInState } from '@/app/login/actions';

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, undefined);
  // Controlled, so a refused sign-in keeps the email (a form action resets uncontrolled fields).
  const [email, setEmail] = useState('');
  const failed = Boolean(state && !state.ok);
  const password = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state && !state.ok) password.current?.focus();
  }, [state]);
  return (
    <form action={action} className="space-y-4" data-testid="login-form">
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ''} />
      <label className="block">
        <span className="text-sm font-medium text-slate-700">Email</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 shadow-sm"
        />
      </label>
      <label className="block">
        <span className="text-sm font-medium text-slate-700">Password</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          ref={password}
          aria-invalid={failed}
          aria-describedby={failed ? 'login-error' : undefined}
          className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 shadow-sm aria-invalid:border-red-600"
        />
      </label>
      {state && !state.ok && (
        <p role="alert" id="login-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="login-error">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 disabled:opacity-60"
      >
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
