import 'server-only';
import QRCode from 'qrcode';
import { z } from 'zod';
import { fail, type Result } from '@/lib/core/result';
import { runPortalAction } from '@/lib/http/portal-action';
import { activate, type Activation } from '@/lib/licensing/activate';
import { redeemCode } from '@/lib/licensing/activation-codes';
import { deactivate, type Deactivation } from '@/lib/licensing/deactivate';
import { firstIssueMessage, licenseLookupInput, refreshSeatInput } from '@/lib/licensing/end-user-inputs';
import type { IssuedLicenseFile } from '@/lib/licensing/issued-license-file';
import { viewLicenseByKey, type LicenseView } from '@/lib/licensing/license-view';
import { refreshSeat } from '@/lib/licensing/refresh-seat';
import { currentRevocationList } from '@/lib/licensing/revocation-list';

/**
 * What the end-user pages of the portal (Activate, Refresh, Deactivate, Codes, My license)
 * ask of the server. Each takes the JSON the page's island posts to `/api/portal/{name}`
 * (app/api/portal/[action]/route.ts), checks it, and answers with a Result: the same
 * domain functions, rate limit and actor as the REST API (lib/http/portal-action.ts).
 * The pages are served without the App Router runtime (docs/DECISIONS.md "Portal pages").
 */

const activationInput = z.object({ requestText: z.string().trim().min(1) });

/** Activate: one activation request in, one license file and its summary out. */
async function activateRequest(input: unknown): Promise<Result<Activation>> {
  const parsed = activationInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Drop the activation request file here, or paste its text, then try again.');
  return runPortalAction((actor) => activate({ requestText: parsed.data.requestText, actor }));
}

const deactivationInput = z.object({ deactivationText: z.string().trim().min(1) });

/** Deactivate: one deactivation file in, the freed seat (or "nothing changed") out. */
async function deactivateFile(input: unknown): Promise<Result<Deactivation>> {
  const parsed = deactivationInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', 'Drop the deactivation file here, or paste its text, then try again.');
  return runPortalAction((actor) => deactivate({ deactivationText: parsed.data.deactivationText, actor }));
}

/** The key, and which page of its seats (from 1; anything else is the first). */
const lookupInput = licenseLookupInput.extend({ seatsPage: z.number().int().min(1).max(1_000_000).optional().catch(undefined) });

/** My license and Refresh: the license a key opens, with one page of its seats. */
async function lookupLicense(input: unknown): Promise<Result<{ license: LicenseView }>> {
  const parsed = lookupInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', firstIssueMessage(parsed.error), { licenseKey: [firstIssueMessage(parsed.error)] });
  return runPortalAction(() => viewLicenseByKey(parsed.data.licenseKey, new Date(), parsed.data.seatsPage ?? 1));
}

/** Refresh: a new license file for one seat of the license the key opens. */
async function refreshLicenseSeat(input: unknown): Promise<Result<IssuedLicenseFile>> {
  const parsed = refreshSeatInput.safeParse(input);
  if (!parsed.success) return fail('ERR_VALIDATION', firstIssueMessage(parsed.error));
  return runPortalAction((actor) => refreshSeat(parsed.data, actor));
}

/** What the Codes page shows after a code was accepted. */
export type CodeOutcome =
  | {
      codeKind: 'request';
      responseCode: string;
      /** The response code as a QR image (an SVG data URI, made on the server). */
      responseQr: string;
      refreshed: boolean;
      productName: string;
      hostname: string;
      leaseEndsAt: Date;
      graceEndsAt: Date;
      seatsUsed: number;
      seatLimit: number;
    }
  | { codeKind: 'deactivation'; message: string; alreadyDeactivated: boolean; productName: string; seatsUsed: number; seatLimit: number; seatsFree: number };

const codeInput = z.object({ codeText: z.string().trim().min(1).max(400) });

/** Codes: a request code activates (answering with a response code), a deactivation code frees the seat. */
async function redeemTypedCode(input: unknown): Promise<Result<{ outcome: CodeOutcome }>> {
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
        leaseEndsAt: result.leaseEndsAt,
        graceEndsAt: result.graceEndsAt,
        seatsUsed: result.seatsUsed,
        seatLimit: result.seatLimit,
      },
    };
  });
}

/** The revocation list page: the current list's sequence, signing time and size (the list itself is GET /api/v1/revocations). */
async function revocationSummary(input: unknown): Promise<Result<{ sequence: number; issuedAt: Date; size: number }>> {
  if (!z.object({}).strict().safeParse(input).success) return fail('ERR_VALIDATION', 'This action takes no fields. Reload the page and try again.');
  return runPortalAction(async () => {
    const { sequence, issuedAt, size } = await currentRevocationList(null);
    return { ok: true, sequence, issuedAt, size };
  });
}

/** Every portal action by the name in its URL. */
export const PORTAL_ACTIONS = {
  activate: activateRequest,
  deactivate: deactivateFile,
  lookup: lookupLicense,
  refresh: refreshLicenseSeat,
  code: redeemTypedCode,
  revocations: revocationSummary,
};

export type PortalActions = typeof PORTAL_ACTIONS;
export type PortalActionName = keyof PortalActions;

/** What each action takes, as the page sends it. */
export interface PortalInputs {
  activate: z.input<typeof activationInput>;
  deactivate: z.input<typeof deactivationInput>;
  lookup: { licenseKey: string; seatsPage?: number };
  refresh: { licenseKey: string; seatId: string };
  code: z.input<typeof codeInput>;
  revocations: Record<string, never>;
}
