import { NavLink } from '@/components/nav-link';
import type { Staff } from '@/lib/auth/staff';

const PORTAL_LINKS = [
  { href: '/', label: 'Activate' },
  { href: '/refresh', label: 'Refresh' },
  { href: '/deactivate', label: 'Deactivate' },
  { href: '/code', label: 'Codes' },
  { href: '/license', label: 'My license' },
];

/**
 * Two rows on a phone (the name and the staff links, then the portal's pages), one row
 * from 640px up. Who is signed in shows from 640px; on a phone the Sign out button says it.
 *
 * `staff` is who is signed in (null: nobody). The end-user pages do not read the session
 * (they import no server code: docs/DECISIONS.md "Portal pages") and pass `undefined`:
 * their header links to /staff, which takes staff to their area and others to sign-in.
 */
export function SiteHeader({ staff }: { staff: Staff | null | undefined }) {
  const staffLinks = staff ? [{ href: '/support', label: 'Support' }, ...(staff.role === 'admin' ? [{ href: '/admin', label: 'Admin' }] : [])] : [];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:gap-x-6 sm:px-6 sm:py-4">
        <a href="/" className="flex items-center gap-2 rounded-md text-lg font-semibold tracking-tight text-slate-900">
          <span aria-hidden className="inline-flex h-7 w-7 items-center justify-center rounded-md bg-indigo-600 text-sm font-bold text-white">
            G
          </span>
          {/* Signed-in staff need the row for their links on a phone: the mark stays, the word is read out. */}
          <span className={staff ? 'sr-only sm:not-sr-only' : undefined}>Gatepass</span>
        </a>
        <nav aria-label="Portal" className="order-last -mx-2 flex w-full flex-wrap gap-0.5 text-sm sm:order-none sm:mx-0 sm:w-auto sm:gap-1">
          {PORTAL_LINKS.map((link) => (
            <NavLink key={link.href} href={link.href} plain className="px-1 py-1.5 min-[400px]:px-2 sm:px-3">
              {link.label}
            </NavLink>
          ))}
        </nav>
        <nav aria-label="Staff" className="ml-auto flex items-center gap-1 text-sm">
          {staffLinks.map((link) => (
            <NavLink key={link.href} href={link.href} className="px-2 py-1.5 sm:px-3">
              {link.label}
            </NavLink>
          ))}
          {staff ? (
            <form method="post" action="/sign-out" className="ml-1 flex items-center gap-2 sm:ml-2">
              <span className="hidden text-slate-600 md:inline" data-testid="signed-in-as">
                {staff.email} · {staff.role}
              </span>
              <button
                type="submit"
                title={`Signed in as ${staff.email} (${staff.role})`}
                className="rounded-md border border-slate-300 px-3 py-1 whitespace-nowrap text-slate-700 hover:bg-slate-50"
              >
                Sign out
              </button>
            </form>
          ) : staff === null ? (
            <NavLink href="/login" className="px-2 py-1.5 sm:px-3">
              Staff sign-in
            </NavLink>
          ) : (
            <NavLink href="/staff" className="px-2 py-1.5 sm:px-3">
              Staff
            </NavLink>
          )}
        </nav>
      </div>
    </header>
  );
}
