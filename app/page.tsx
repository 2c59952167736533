import Link from 'next/link';
import { ActivatePanel } from '@/components/activate-panel';

export default function ActivatePage() {
  return (
    <section className="mx-auto max-w-2xl space-y-6">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Activate a machine</h1>
        <p className="mt-3 text-slate-600">
          Your application wrote an activation request file (<code className="font-mono text-sm">.req</code>). Upload it here to download a license
          file for that machine. The license key inside the file is all the portal needs: no account.
        </p>
      </header>
      <ActivatePanel />
      <p className="text-sm text-slate-500">
        Activating the same machine again renews its license file and never takes a second seat. Replacing a machine? Deactivate the old one first on
        the{' '}
        <Link className="underline hover:text-slate-700" href="/deactivate">
          Deactivate
        </Link>{' '}
        page.
      </p>
    </section>
  );
}
