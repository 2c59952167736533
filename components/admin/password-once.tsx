/** A generated password, shown this once for the admin to hand over. */
export function PasswordOnce({ email, password }: { email: string; password: string }) {
  return (
    <div className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="password-once">
      <p>
        Password for <strong>{email}</strong>, shown only now. Give it to them over a channel you trust:
      </p>
      <code className="mt-2 block font-mono text-base tracking-wide text-slate-900 select-all" data-testid="new-password">
        {password}
      </code>
    </div>
  );
}
