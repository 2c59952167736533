export default function ActivatePage() {
  return (
    <section className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-semibold tracking-tight">Activate a machine</h1>
      <p className="mt-3 text-slate-600">
        Your application wrote an activation request file (<code className="font-mono text-sm">.req</code>). Upload it here to download a license file
        for that machine.
      </p>
    </section>
  );
}
