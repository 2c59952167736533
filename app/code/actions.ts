'use server';

import QRCode from 'qrcode';
import { z } from 'zod';
import { runPortalAction } from '@/lib/http/portal-action';
import { redeemCode } from '@/lib/licensing/activation-codes';
import { fail, type Result } from '@/lib/core/result';

const codeInput = z.object({ codeText: z.string().trim().min(1).max(400) });

/** What the /code page shows after a code was accepted. */
export type CodeOutcome =
  | {
      codeKind: 'request';
      responseCode: string;
      /** The response code as a QR image (an SVG data URI, made on the server). */
      responseQr: string;
      refreshed: boolean;
      productName: string;
      hostname: string;
      leaseEndsAt: string;
      graceEndsAt: string;
      seatsUsed: number;
      seatLimit: number;
    }
  | { codeKind: 'deactivation'; message: string; alreadyDeactivated: boolean; productName: string; seatsUsed: number; seatLimit: number; seatsFree: number };

/** The /code page: a request code activates (answering with a response code), a deactivation code frees the seat. */
export async function redeemCodeAction(input: { codeText: string }): Promise<Result<{ outcome: CodeOutcome }>> {
  const parsed = codeInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Type the code the machine shows (groups of five letters and digits), then try again.');
  return runPortalAction(async (actor) => {
    const result = await redeemCode({ codeText: parsed.data.codeText, actor });
    if (!result.ok) return result;
    if (result.codeKind === 'deactivation') {
      const { message, alreadyDeactivated, product, seatsUsed, seatLimit, seatsFree } = result;
      return { ok: true, outcome: { codeKind: 'deactivation', message, alreadyDeactivated, productName: product.name, seatsUsed, seatLimit, seatsFree } };
    }
    const svg = await QRCode.toString(result.responseCode, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return {
      ok: true,
      outcome: {
        codeKind: 'request',
        responseCode: result.responseCode,
        responseQr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
        refreshed: result.refreshed,
        productName: result.product.name,
        hostname: result.device.hostname,
        leaseEndsAt: result.leaseEndsAt.toISOString(),
        graceEndsAt: result.graceEndsAt.toISOString(),
        seatsUsed: result.seatsUsed,
        seatLimit: result.seatLimit,
      },
    };
  });
}
