import type { Metadata } from 'next';
import { DeactivatePanel } from '@/components/deactivate-panel';

export const metadata: Metadata = { title: 'Deactivate' };

export default function DeactivatePage() {
  return (
    <section className="mx-auto max-w-2xl space-y-6">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Deactivate a machine</h1>
        <p className="mt-3 text-slate-600">
          In the application, choose Help → Deactivate. It removes the license from that machine and writes a deactivation file. Upload the file here to
          free the seat for another machine.
        </p>
      </header>
      <DeactivatePanel />
      <p className="text-sm text-slate-500">
        Lost the machine, or the deactivation file? Ask your vendor&apos;s support to release the seat.
      </p>
    </section>
  );
}
