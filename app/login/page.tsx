import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/login-form';
import { currentStaff } from '@/lib/auth/staff';
import { requestOrigin, sameOriginPath } from '@/lib/http/same-origin';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await currentStaff()) redirect(sameOriginPath(callbackUrl, requestOrigin(await headers()) ?? 'http://localhost', '/staff'));
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold tracking-tight">Staff sign-in</h1>
      <p className="mt-2 text-sm text-slate-600">For vendor admins and support staff. End users need no account: their license key is enough.</p>
      <div className="mt-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <LoginForm callbackUrl={callbackUrl} />
      </div>
    </section>
  );
}
