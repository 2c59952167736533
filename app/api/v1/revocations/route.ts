import { z } from 'zod';
import { apiError, publicApiRoute } from '@/lib/http/api-response';
import { firstIssueMessage } from '@/lib/licensing/end-user-inputs';
import { currentRevocationList } from '@/lib/licensing/revocation-list';

export const dynamic = 'force-dynamic';

const productParam = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'product must be a product slug, e.g. ?product=photo-pro')
  .optional();

/**
 * GET /api/v1/revocations[?product=SLUG]: the current signed revocation list (armored text,
 * docs/PROTOCOL.md "Revocation list"), of one product or of all. It names no customer, so
 * it is public; `gatepass revocations install FILE` takes it.
 */
export const GET = publicApiRoute(async (request) => {
  const product = productParam.safeParse(new URL(request.url).searchParams.get('product') ?? undefined);
  if (!product.success) return apiError('ERR_VALIDATION', firstIssueMessage(product.error));
  const list = await currentRevocationList(product.data ?? null);
  return new Response(list.text, {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `attachment; filename="${product.data ?? 'all'}-revocations-${list.sequence}.txt"`,
      'Cache-Control': 'no-store',
      'X-Gatepass-Revocation-Sequence': String(list.sequence),
    },
  });
});
