import type { Metadata } from 'next';
import { LicenseLookup } from '@/components/license-lookup';

export const metadata: Metadata = { title: 'My license' };

export default function MyLicensePage() {
  return (
    <section className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">My license</h1>
        <p className="mt-3 text-slate-600">Enter your license key to see its status, expiry, plan and the machines that use it.</p>
      </header>
      <LicenseLookup />
    </section>
  );
}
