/**
 * A stand-in for the portal in SDK and CLI tests: opens requests and signs
 * license files with lib/protocol, as lib/licensing will (not shipped logic).
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  openActivationRequest,
  openDeactivation,
  publicJwks,
  signLicenseFile,
  type ActivationRequestClaims,
  type DeactivationClaims,
  type LicenseClaims,
} from '../protocol';
import { makeFixture, type Fixture } from '../protocol/test-fixtures';

export interface TestPortal {
  f: Fixture;
  jwks: ReturnType<typeof publicJwks>;
  /** Issues a license file for a request, as the portal would. */
  issue(requestText: string, overrides?: Partial<LicenseClaims>, now?: Date): Promise<string>;
  deactivations: Array<{ claims: DeactivationClaims; deviceThumbprint: string }>;
}

export async function makeTestPortal(): Promise<TestPortal> {
  const f = await makeFixture();
  const deactivations: TestPortal['deactivations'] = [];
  return {
    f,
    jwks: publicJwks([f.signing, f.encryption]),
    deactivations,
    async issue(requestText, overrides = {}, now = new Date()) {
      const { claims, deviceThumbprint } = await openActivationRequest(requestText, {
        decryptionKeys: [f.encryption],
        maxAgeSeconds: 86_400,
        now,
      });
      const iat = Math.floor(now.getTime() / 1000);
      return signLicenseFile({
        claims: {
          license_id: 'lic_01',
          seat_id: 'seat_01',
          product: claims.product,
          plan: 'standard',
          fingerprint: claims.fingerprint,
          device_thumbprint: deviceThumbprint,
          features: ['export'],
          iat,
          nbf: iat,
          exp: iat + (claims.requested_duration ?? 30 * 86_400),
          grace: 3 * 86_400,
          jti: `lic-${iat}`,
          ...overrides,
        },
        signingKey: f.signing,
        encryptWith: { licenseKey: claims.license_key },
      });
    },
  };
}

/** Serves the two API routes on 127.0.0.1 with a fixed answer policy. */
export async function serveTestPortal(
  portal: TestPortal,
  policy: { refuse?: { status: number; code: string; message: string } } = {},
): Promise<{ url: string; server: Server; seen: Set<string>; requests: ActivationRequestClaims[] }> {
  const seen = new Set<string>(); // fingerprints holding a seat
  const requests: ActivationRequestClaims[] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    try {
      if (policy.refuse) return send(policy.refuse.status, { error: { code: policy.refuse.code, message: policy.refuse.message } });
      if (req.headers['content-type']?.startsWith('text/plain') !== true) return send(415, { error: { code: 'ERR_BAD_TYPE', message: 'text/plain only' } });
      if (req.url === '/api/v1/activations') {
        const { claims } = await openActivationRequest(body, { decryptionKeys: [portal.f.encryption], maxAgeSeconds: 86_400 });
        requests.push(claims);
        const created = !seen.has(claims.fingerprint);
        seen.add(claims.fingerprint);
        return send(created ? 201 : 200, { license_file: await portal.issue(body) });
      }
      if (req.url === '/api/v1/deactivations') {
        const opened = await openDeactivation(body, { decryptionKeys: [portal.f.encryption] });
        portal.deactivations.push({ claims: opened.claims, deviceThumbprint: opened.deviceThumbprint });
        return send(200, { status: 'deactivated' });
      }
      send(404, { error: { code: 'ERR_NOT_FOUND', message: 'Not found' } });
    } catch (error) {
      send(400, { error: { code: (error as { code?: string }).code ?? 'ERR', message: (error as Error).message } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server, seen, requests };
}

/**
 * Runs the real `gatepass` CLI (bin/gatepass.mjs) as its own process, with none of the
 * caller's GATEPASS_* machine settings; resolves with its exit code and output (async, so
 * an in-test portal can answer it).
 */
export function runGatepassCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [resolve(__dirname, '../../bin/gatepass.mjs'), ...args],
      { env: { ...process.env, GATEPASS_FINGERPRINT: '', GATEPASS_STATE_DIR: '', GATEPASS_PRODUCT: '', ...env } },
      (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
