'use client';

import { useState } from 'react';
import { Field, fieldError, FormMessage, SubmitButton, useActionForm, type AdminAction } from '@/components/admin/form-controls';
import { inputClass } from '@/components/ui/field-styles';
import { IssuedKeys, type IssuedBatch } from '@/components/admin/issued-keys';

export interface PlanChoice {
  id: string;
  label: string;
  group: string;
}

type IssueResult = ({ ok: true } & IssuedBatch) | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

export function IssueLicensesForm({ action, plans, planId }: { action: AdminAction<IssueResult>; plans: PlanChoice[]; planId?: string }) {
  const { state, onSubmit, pending } = useActionForm(action);
  const [shown, setShown] = useState<IssueResult | undefined>(undefined);
  const err = (name: string) => fieldError(state, name);
  if (state?.ok && state !== shown) return <IssuedKeys batch={state} onDone={() => setShown(state)} />;
  const groups = [...new Set(plans.map((plan) => plan.group))];
  return (
    <form onSubmit={onSubmit} className="space-y-5" data-testid="issue-form" noValidate>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Plan" name="planId" error={err('planId')}>
          <select id="planId" name="planId" defaultValue={planId ?? ''} className={inputClass} aria-invalid={Boolean(err('planId'))}>
            <option value="" disabled>
              Choose a plan…
            </option>
            {groups.map((group) => (
              <optgroup key={group} label={group}>
                {plans
                  .filter((plan) => plan.group === group)
                  .map((plan) => (
                    <option key={plan.id} value={plan.id}>
                      {plan.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <Field label="How many" name="count" hint="1 to 1,000 keys with the same customer and expiry." error={err('count')}>
          <input id="count" name="count" inputMode="numeric" defaultValue="1" className={inputClass} aria-invalid={Boolean(err('count'))} />
        </Field>
        <Field label="Customer name" name="customerName" error={err('customerName')}>
          <input id="customerName" name="customerName" className={inputClass} />
        </Field>
        <Field label="Customer email" name="customerEmail" hint="Support can find the license by it." error={err('customerEmail')}>
          <input id="customerEmail" name="customerEmail" type="email" className={inputClass} aria-invalid={Boolean(err('customerEmail'))} />
        </Field>
        <Field label="Expires on" name="expiresOn" hint="Optional. The license works through the end of this day (UTC); leases never run past it." error={err('expiresAt')}>
          <input id="expiresOn" name="expiresOn" type="date" className={inputClass} aria-invalid={Boolean(err('expiresAt'))} />
        </Field>
      </div>
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingText="Issuing…" testId="issue-submit">
        Issue licenses
      </SubmitButton>
    </form>
  );
}
