import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Gatepass', template: '%s · Gatepass' },
  description: 'Activate, refresh and deactivate software licenses for offline machines.',
};

// The pages follow the system's light or dark setting (app/globals.css).
export const viewport: Viewport = { colorScheme: 'light dark' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col font-sans">
        <a
          href="#main"
          className="sr-only rounded-md bg-white px-4 py-2 text-sm font-medium text-indigo-800 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
          data-testid="skip-link"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6 sm:py-10">
          {children}
        </main>
        <footer className="border-t border-slate-200 px-4 py-6 text-center text-xs text-slate-600">
          Gatepass · offline license activation · <a href="/.well-known/jwks.json">public keys</a>
        </footer>
      </body>
    </html>
  );
}
