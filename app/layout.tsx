import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { BODY_CLASS, SiteFrame } from '@/components/site-frame';
import { currentStaff } from '@/lib/auth/staff';
import { SITE_DESCRIPTION } from '@/lib/portal/site';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Gatepass', template: '%s · Gatepass' },
  description: SITE_DESCRIPTION,
};

// The pages follow the system's light or dark setting (app/globals.css).
export const viewport: Viewport = { colorScheme: 'light dark' };

/** The staff pages, sign-in and errors (the end-user pages are in pages/: docs/DECISIONS.md "Portal pages"). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className={BODY_CLASS}>
        <SiteFrame staff={await currentStaff()}>{children}</SiteFrame>
      </body>
    </html>
  );
}
