import { csvResponse, toCsv } from '@/components/csv';
import { ADMIN_ONLY, requireStaffForRoute } from '@/lib/auth/staff';
import { adminLicensesPage } from '@/lib/licensing/admin-license-views';
import { maskLicenseKey } from '@/lib/licensing/license-key';
import { criteriaOf } from '@/lib/licensing/search-licenses';

export const dynamic = 'force-dynamic';

const BATCH = 500;

/**
 * GET /admin/licenses/export?q=…&status=…: the licenses the list shows for that search, as CSV.
 * Keys stay masked, as on the page: Gatepass shows a full key only once, when it is issued.
 */
export async function GET(request: Request): Promise<Response> {
  const check = await requireStaffForRoute(ADMIN_ONLY);
  if (!check.ok) return check.response;
  const params = new URL(request.url).searchParams;
  const criteria = criteriaOf(params.get('q') ?? '', { status: params.get('status') ?? '' });
  const rows: string[][] = [];
  // The list pages by keyset cursor: follow `next` from the newest license to the oldest.
  for (let cursor: string | undefined; ; ) {
    const page = await adminLicensesPage(criteria, { limit: BATCH, cursor });
    for (const { license, plan, product, seatsUsed } of page.rows) {
      rows.push([
        license.id,
        maskLicenseKey(license.keyPrefix, license.keySuffix),
        license.customerName,
        license.customerEmail,
        product.slug,
        plan.slug,
        String(seatsUsed),
        String(plan.seatLimit),
        license.status,
        license.expiresAt?.toISOString() ?? '',
        license.createdAt.toISOString(),
      ]);
    }
    if (!page.next) break;
    cursor = page.next;
  }
  const head = ['license_id', 'key_masked', 'customer_name', 'customer_email', 'product', 'plan', 'seats_used', 'seat_limit', 'status', 'expires_at', 'created_at'];
  return csvResponse(`gatepass-licenses-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(head, rows));
}
