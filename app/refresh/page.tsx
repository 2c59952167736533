import type { Metadata } from 'next';
import { RefreshPanel } from '@/components/refresh-panel';

export const metadata: Metadata = { title: 'Refresh' };

export default function RefreshPage() {
  return (
    <section className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Refresh a license file</h1>
        <p className="mt-3 text-slate-600">
          A license file works offline until its lease ends. Enter your license key, choose the machine, and download a file with a new lease. A machine
          whose lease ran out can be refreshed too, as long as no other machine took its seat.
        </p>
      </header>
      <RefreshPanel />
      <p className="text-sm text-slate-500">You can also upload a new activation request from the same machine on the Activate page: it never takes a second seat.</p>
    </section>
  );
}
