'use client';

import { FormMessage, SubmitButton, useActionForm, type AdminAction } from '@/components/admin/form-controls';

/** Archive stops new licenses for a plan; licenses already sold keep working. */
export function ArchivePlanForm({ planId, archived, action }: { planId: string; archived: boolean; action: AdminAction }) {
  const { state, onSubmit, pending } = useActionForm(action);
  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="archive-plan-form">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="archived" value={archived ? '0' : '1'} />
      <p className="text-sm text-slate-600">
        {archived
          ? 'This plan is archived: no new licenses can be issued for it. Licenses already issued keep activating and refreshing.'
          : 'Archiving stops new licenses for this plan. Licenses already issued keep activating and refreshing, and you can restore the plan later.'}
      </p>
      <FormMessage state={state} />
      <SubmitButton pending={pending} variant={archived ? 'primary' : 'danger'} testId="archive-plan-submit">
        {archived ? 'Restore plan' : 'Archive plan'}
      </SubmitButton>
    </form>
  );
}
