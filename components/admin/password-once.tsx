import { CopyButton } from '@/components/ui/copy-button';

/** A generated password, shown this once for the admin to hand over. */
export function PasswordOnce({ email, password }: { email: string; password: string }) {
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="password-once">
      <p>
        Password for <strong>{email}</strong>, shown only now. Give it to them over a channel you trust:
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <code className="font-mono text-base tracking-wide text-slate-900 select-all" data-testid="new-password">
          {password}
        </code>
        <CopyButton text={password} label="Copy password" testId="copy-password" />
      </div>
    </div>
  );
}
