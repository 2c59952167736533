'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/** Whether `href` is the page at `pathname` or, unless `exact`, one of the pages under it. */
function isCurrent(pathname: string, href: string, exact = href === '/'): boolean {
  return exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * A navigation link that marks the page the person is on (`aria-current="page"`, and
 * visibly). `also` lists other paths that belong to the same entry. `plain` is for the
 * end-user pages (pages/), which the App Router cannot prefetch or open in place: a plain
 * link, loaded as a new document.
 */
export function NavLink({
  href,
  children,
  exact,
  also = [],
  className = '',
  plain = false,
}: {
  href: string;
  children: ReactNode;
  exact?: boolean;
  also?: string[];
  className?: string;
  plain?: boolean;
}) {
  const pathname = usePathname() ?? '';
  const current = isCurrent(pathname, href, exact) || also.some((path) => isCurrent(pathname, path));
  const Anchor = plain ? 'a' : Link;
  return (
    <Anchor
      href={href}
      aria-current={current ? 'page' : undefined}
      className={`rounded-md whitespace-nowrap ${current ? 'bg-indigo-50 font-medium text-indigo-800' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900'} ${className}`}
    >
      {children}
    </Anchor>
  );
}
