import Link from 'next/link';

export function SignInPrompt({ area }: { area: string }) {
  return (
    <section className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-xl font-semibold">{area}</h1>
      <p className="mt-2 text-slate-600">This area is for vendor staff. Sign in with your staff account to continue.</p>
      <Link href="/login" className="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500">
        Sign in
      </Link>
    </section>
  );
}
