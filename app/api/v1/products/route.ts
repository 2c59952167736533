import { z } from 'zod';
import { findProductById, listPlansOfProduct } from '@/db/queries/catalog';
import { apiFailure, apiJson } from '@/lib/http/api-response';
import { productBody } from '@/lib/http/management-bodies';
import { managementApiRoute } from '@/lib/http/management-route';
import { productsWithPlans } from '@/lib/licensing/admin-catalog-views';
import { createProduct } from '@/lib/licensing/catalog';
import { withFields } from '@/lib/licensing/management';
import { readJsonBody } from '@/lib/http/read-body';

export const dynamic = 'force-dynamic';

/** GET /api/v1/products: every product with its plans (scope products:read). */
export const GET = managementApiRoute('products:read', async () => {
  const rows = await productsWithPlans();
  return apiJson({ products: rows.map(({ product, plans }) => productBody(product, plans)) });
});

const productCreate = z.object({ slug: z.string(), name: z.string(), description: z.string().default('') }).strict();

/** POST /api/v1/products: `{ slug, name, description? }`; 201 with the product (scope products:write). */
export const POST = managementApiRoute('products:write', async (request, { caller }) => {
  const body = await readJsonBody(request, productCreate);
  if (!body.ok) return apiFailure(body);
  const result = await createProduct(body.data, caller.actor);
  if (!result.ok) return apiFailure(withFields(result, ''));
  const product = (await findProductById(result.product.id))!;
  return apiJson(productBody(product, await listPlansOfProduct(product.id)), 201);
});
