import type { Metadata } from 'next';
import { CodeEntry } from '@/components/code-entry';

export const metadata: Metadata = { title: 'Enter a code' };

export default function CodePage() {
  return (
    <section className="mx-auto max-w-2xl space-y-6">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Enter a code</h1>
        <p className="mt-3 text-slate-600">
          For a machine that cannot take a file: type the activation or deactivation code it shows, or scan its QR code with your phone. An activation
          gives you a short response code to type (or scan) back on the machine.
        </p>
      </header>
      <CodeEntry />
    </section>
  );
}
