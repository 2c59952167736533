'use client';

import { Field, fieldError, FormMessage, SubmitButton, useActionForm, type AdminAction } from '@/components/admin/form-controls';
import { inputClass } from '@/components/ui/field-styles';

/** Creates a product (with a slug) or edits its name and description (the slug is fixed). */
export function ProductForm({ action, product }: { action: AdminAction; product?: { id: string; slug: string; name: string; description: string } }) {
  const { state, onSubmit, pending } = useActionForm(action);
  const err = (name: string) => fieldError(state, name);
  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="product-form" noValidate>
      {product && <input type="hidden" name="productId" value={product.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" error={err('name')}>
          <input id="name" name="name" defaultValue={product?.name} aria-invalid={Boolean(err('name'))} className={inputClass} />
        </Field>
        {product ? (
          <Field label="Slug" name="slug" hint="Carried in request and license files; it cannot change.">
            <input id="slug" value={product.slug} readOnly disabled className={`${inputClass} bg-slate-50 font-mono text-slate-500`} />
          </Field>
        ) : (
          <Field label="Slug" name="slug" hint="Lowercase letters, digits and dashes, e.g. acme-studio. The SDK names the product by it." error={err('slug')}>
            <input id="slug" name="slug" aria-invalid={Boolean(err('slug'))} className={`${inputClass} font-mono`} />
          </Field>
        )}
      </div>
      <Field label="Description" name="description" error={err('description')}>
        <textarea id="description" name="description" rows={2} defaultValue={product?.description} className={inputClass} />
      </Field>
      <FormMessage state={state} />
      <SubmitButton pending={pending} testId="product-submit">
        {product ? 'Save product' : 'Create product'}
      </SubmitButton>
    </form>
  );
}
