'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/admin', label: 'Overview', exact: true },
  { href: '/admin/products', label: 'Products & plans' },
  { href: '/admin/licenses', label: 'Licenses' },
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/keys', label: 'Signing keys' },
  { href: '/admin/audit', label: 'Audit log' },
];

/** The dashboard's sub-navigation. UX only: every page and action checks the role itself. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="flex gap-1 overflow-x-auto text-sm lg:flex-col" data-testid="admin-nav">
      {LINKS.map((link) => {
        const active = link.exact ? pathname === link.href : pathname === link.href || pathname.startsWith(`${link.href}/`) || (link.href === '/admin/products' && pathname.startsWith('/admin/plans'));
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? 'page' : undefined}
            className={`whitespace-nowrap rounded-md px-3 py-2 ${active ? 'bg-indigo-50 font-medium text-indigo-700' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
