import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';
import type { Staff } from '@/lib/auth/staff';

/**
 * What every page has around its content: the skip link, the header, the main landmark
 * and the footer. The App Router's root layout (staff pages) and the end-user pages
 * (pages/_app.tsx) both render it, so the two kinds of page look and read the same.
 */
/** `staff`: see {@link SiteHeader}. */
export function SiteFrame({ staff, children }: { staff: Staff | null | undefined; children: ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-4 py-2 text-sm font-medium text-indigo-800 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
        data-testid="skip-link"
      >
        Skip to content
      </a>
      <SiteHeader staff={staff} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6 sm:py-10">
        {children}
      </main>
      <footer className="border-t border-slate-200 px-4 py-6 text-center text-xs text-slate-600">
        Gatepass · offline license activation · <a href="/.well-known/jwks.json">public keys</a>
      </footer>
    </>
  );
}

/** The page's `<body>` classes, the same on both kinds of page. */
export const BODY_CLASS = 'flex min-h-screen flex-col font-sans';
