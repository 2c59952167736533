import { requireStaffForRoute, SUPPORT_OR_ADMIN } from '@/lib/auth/staff';
import { httpStatusOf } from '@/lib/core/result';
import { apiError, INTERNAL_ERROR_MESSAGE } from '@/lib/http/api-response';
import { refuseCrossOrigin } from '@/lib/http/same-origin';
import { reissueSeat } from '@/lib/licensing/refresh-seat';

export const dynamic = 'force-dynamic';

/**
 * Re-issues a license file for a seat, for a customer who cannot use the portal
 * (issue 6 "Re-issue"). POST, because it signs and records a file: a link or a
 * prefetch must never issue one. Answers the file as a download, or a JSON error.
 */
export async function POST(request: Request, { params }: { params: Promise<{ seatId: string }> }): Promise<Response> {
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  const check = await requireStaffForRoute(SUPPORT_OR_ADMIN);
  if (!check.ok) return check.response;
  const { seatId } = await params;
  let result: Awaited<ReturnType<typeof reissueSeat>>;
  try {
    result = await reissueSeat(seatId, check.actor);
  } catch (error) {
    console.error('[support] re-issue failed', error);
    return apiError('ERR_INTERNAL', INTERNAL_ERROR_MESSAGE);
  }
  if (!result.ok) return Response.json({ error: { code: result.code, message: result.message } }, { status: httpStatusOf(result.code) });
  return new Response(result.licenseFile, {
    status: 201,
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${result.fileName}"`,
      'Cache-Control': 'no-store',
      'X-Gatepass-Lease-Ends-At': result.leaseEndsAt.toISOString(),
    },
  });
}
