import type { ReactNode } from 'react';

/** A card, titled or not: how every part of an admin or support page is framed. */
export function Section({ title, description, actions, children, testId, className = '' }: { title?: ReactNode; description?: string; actions?: ReactNode; children: ReactNode; testId?: string; className?: string }) {
  return (
    <section className={`rounded-xl border border-slate-200 bg-white shadow-sm ${className}`} data-testid={testId}>
      {title && (
        <header className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-100 px-5 py-3">
          <div>
            <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
            {description && <p className="mt-0.5 text-xs text-slate-500">{description}</p>}
          </div>
          {actions}
        </header>
      )}
      <div className="px-5 py-4">{children}</div>
    </section>
  );
}

/** What a section shows when it has nothing yet. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="py-2 text-sm text-slate-500">{children}</p>;
}
