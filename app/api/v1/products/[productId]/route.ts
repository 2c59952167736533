import { z } from 'zod';
import { findProductById, listPlansOfProduct } from '@/db/queries/catalog';
import { apiError, apiFailure, apiJson } from '@/lib/http/api-response';
import { productBody } from '@/lib/http/management-bodies';
import { managementApiRoute } from '@/lib/http/management-route';
import { updateProduct } from '@/lib/licensing/catalog';
import { withFields } from '@/lib/licensing/management';
import { readJsonBody } from '@/lib/http/read-body';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ productId: string }> };

/** GET /api/v1/products/{id}: one product with its plans (scope products:read). */
export const GET = managementApiRoute('products:read', async (_request, _context, { params }: Params) => {
  const product = await findProductById((await params).productId);
  if (!product) return apiError('ERR_NOT_FOUND', 'There is no such product. GET /api/v1/products lists them.');
  return apiJson(productBody(product, await listPlansOfProduct(product.id)));
});

const productPatch = z.object({ name: z.string().optional(), description: z.string().optional() }).strict();

/** PATCH /api/v1/products/{id}: `{ name?, description? }` (the slug never changes; scope products:write). */
export const PATCH = managementApiRoute('products:write', async (request, { caller }, { params }: Params) => {
  const body = await readJsonBody(request, productPatch);
  if (!body.ok) return apiFailure(body);
  const before = await findProductById((await params).productId);
  if (!before) return apiError('ERR_NOT_FOUND', 'There is no such product. GET /api/v1/products lists them.');
  const result = await updateProduct(before.id, { name: body.data.name ?? before.name, description: body.data.description ?? before.description }, caller.actor);
  if (!result.ok) return apiFailure(withFields(result, ''));
  return apiJson(productBody((await findProductById(before.id))!, await listPlansOfProduct(before.id)));
});
