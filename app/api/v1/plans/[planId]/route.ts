import { findPlanById } from '@/db/queries/catalog';
import { apiError, apiFailure, apiJson } from '@/lib/http/api-response';
import { planBody } from '@/lib/http/management-bodies';
import { managementApiRoute } from '@/lib/http/management-route';
import { apiPlanPatch, planSettingsFrom } from '@/lib/http/plan-bodies';
import { updatePlan } from '@/lib/licensing/catalog';
import { withFields } from '@/lib/licensing/management';
import { readJsonBody } from '@/lib/http/read-body';

export const dynamic = 'force-dynamic';

/**
 * PATCH /api/v1/plans/{id}: any of the plan's settings (not its slug or product). Files
 * already issued keep their terms; new files get the new ones (scope products:write).
 */
export const PATCH = managementApiRoute('products:write', async (request, { caller }, { params }: { params: Promise<{ planId: string }> }) => {
  const body = await readJsonBody(request, apiPlanPatch);
  if (!body.ok) return apiFailure(body);
  const before = await findPlanById((await params).planId);
  if (!before) return apiError('ERR_NOT_FOUND', 'There is no such plan. GET /api/v1/products lists the plans.');
  const result = await updatePlan(before.id, planSettingsFrom(body.data, before), caller.actor);
  if (!result.ok) return apiFailure(withFields(result, ''));
  return apiJson(planBody((await findPlanById(before.id))!));
});
