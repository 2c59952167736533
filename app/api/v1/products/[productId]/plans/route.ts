import { findPlanById } from '@/db/queries/catalog';
import { apiFailure, apiJson } from '@/lib/http/api-response';
import { planBody } from '@/lib/http/management-bodies';
import { managementApiRoute } from '@/lib/http/management-route';
import { apiPlanCreate, planSettingsFrom } from '@/lib/http/plan-bodies';
import { createPlan } from '@/lib/licensing/catalog';
import { withFields } from '@/lib/licensing/management';
import { readJsonBody } from '@/lib/http/read-body';

export const dynamic = 'force-dynamic';

/** POST /api/v1/products/{id}/plans: a new plan of the product; 201 with the plan (scope products:write). */
export const POST = managementApiRoute('products:write', async (request, { caller }, { params }: { params: Promise<{ productId: string }> }) => {
  const body = await readJsonBody(request, apiPlanCreate);
  if (!body.ok) return apiFailure(body);
  const result = await createPlan({ ...planSettingsFrom(body.data), productId: (await params).productId, slug: body.data.slug }, caller.actor);
  if (!result.ok) return apiFailure(withFields(result, ''));
  return apiJson(planBody((await findPlanById(result.plan.id))!), 201);
});
