import Link from 'next/link';
import { signOutAction } from '@/app/login/actions';
import { currentStaff } from '@/lib/auth/staff';

const PORTAL_LINKS = [
  { href: '/', label: 'Activate' },
  { href: '/refresh', label: 'Refresh' },
  { href: '/deactivate', label: 'Deactivate' },
  { href: '/license', label: 'My license' },
];

export async function SiteHeader() {
  const staff = await currentStaff();
  const staffLinks = staff ? [{ href: '/support', label: 'Support' }, ...(staff.role === 'admin' ? [{ href: '/admin', label: 'Admin' }] : [])] : [];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-2 px-6 py-4">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight text-slate-900">
          <span aria-hidden className="inline-flex h-7 w-7 items-center justify-center rounded-md bg-indigo-600 text-sm font-bold text-white">
            G
          </span>
          Gatepass
        </Link>
        <nav aria-label="Portal" className="flex flex-wrap gap-1 text-sm">
          {PORTAL_LINKS.map((link) => (
            <Link key={link.href} href={link.href} className="rounded-md px-3 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
              {link.label}
            </Link>
          ))}
        </nav>
        <nav aria-label="Staff" className="ml-auto flex items-center gap-1 text-sm">
          {staffLinks.map((link) => (
            <Link key={link.href} href={link.href} className="rounded-md px-3 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
              {link.label}
            </Link>
          ))}
          {staff ? (
            <form action={signOutAction} className="ml-2 flex items-center gap-2">
              <span className="text-slate-500" data-testid="signed-in-as">
                {staff.email} · {staff.role}
              </span>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-50">
                Sign out
              </button>
            </form>
          ) : (
            <Link href="/login" className="rounded-md px-3 py-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900">
              Staff sign-in
            </Link>
          )}
        </nav>
      </div>
    </header>
  );
}
