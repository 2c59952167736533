import { z } from 'zod';
import { findSeatById } from '@/db/queries/seats';
import { apiError, apiFailure, apiJson } from '@/lib/http/api-response';
import { managementApiRoute } from '@/lib/http/management-route';
import { withFields } from '@/lib/licensing/management';
import { releaseSeat } from '@/lib/licensing/release-seat';
import { readJsonBody } from '@/lib/http/read-body';

export const dynamic = 'force-dynamic';

const releaseBody = z.object({ reason: z.string() }).strict();

/**
 * POST /api/v1/seats/{id}/release: `{ reason }`; frees the seat of a lost or dead machine at
 * once, as support does. The machine's file keeps working offline until its lease and
 * grace end, which the answer says (scope seats:write).
 */
export const POST = managementApiRoute('seats:write', async (request, { caller }, { params }: { params: Promise<{ seatId: string }> }) => {
  const body = await readJsonBody(request, releaseBody);
  if (!body.ok) return apiFailure(body);
  const seatId = (await params).seatId;
  const seat = await findSeatById(seatId);
  if (!seat) return apiError('ERR_SEAT_NOT_FOUND', `There is no seat with the id "${seatId}".`);
  const result = await releaseSeat({ licenseId: seat.licenseId, seatId, reason: body.data.reason }, caller.actor);
  if (!result.ok) return apiFailure(withFields(result, ''));
  return apiJson({
    seat_id: result.seatId,
    license_id: seat.licenseId,
    hostname: result.hostname,
    lease_end: result.leaseEndsAt.toISOString(),
    grace_end: result.graceEndsAt.toISOString(),
    seats_used: result.seatsUsed,
    seat_limit: result.seatLimit,
  });
});
