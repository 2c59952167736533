import type { ReactNode } from 'react';
import { CopyButton } from '@/components/ui/copy-button';

/**
 * A secret shown this once (a generated password, an API token, a webhook signing secret),
 * with what to do with it and a copy button; Gatepass keeps only its hash or a sealed copy.
 */
export function SecretOnce({ children, secret, copyLabel, testId }: { children: ReactNode; secret: string; copyLabel: string; testId: { box: string; value: string; copy: string } }) {
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid={testId.box}>
      <p>{children}</p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <code className="font-mono text-sm tracking-wide break-all text-slate-900 select-all" data-testid={testId.value}>
          {secret}
        </code>
        <CopyButton text={secret} label={copyLabel} testId={testId.copy} />
      </div>
    </div>
  );
}

/** A generated password, shown this once for the admin to hand over. */
export function PasswordOnce({ email, password }: { email: string; password: string }) {
  return (
    <SecretOnce secret={password} copyLabel="Copy password" testId={{ box: 'password-once', value: 'new-password', copy: 'copy-password' }}>
      Password for <strong>{email}</strong>, shown only now. Give it to them over a channel you trust:
    </SecretOnce>
  );
}
