import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Gatepass', template: '%s · Gatepass' },
  description: 'Activate, refresh and deactivate software licenses for offline machines.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col font-sans">
        <SiteHeader />
        <main className="mx-auto w-full max-w-6xl flex-1 px-6 py-10">{children}</main>
        <footer className="border-t border-slate-200 py-6 text-center text-xs text-slate-400">
          Gatepass · offline license activation ·{' '}
          <a className="underline hover:text-slate-600" href="/.well-known/jwks.json">
            public keys
          </a>
        </footer>
      </body>
    </html>
  );
}
