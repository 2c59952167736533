/**
 * The SDK's air-gapped path (docs/PROTOCOL.md "Activation codes"): a request code out, a
 * response code in, a deactivation code out, with no file crossing. The installed lease is
 * the pair (request code, response code), checked again at every `check()` with this
 * installation's device key and the portal key embedded in the build, never a stored one.
 */
import {
  canonicalLicenseKey,
  createDeactivationCode as makeDeactivationCode,
  createRequestCode,
  codeDeviceThumbprint,
  deriveCodeDeviceKey,
  openResponseCode,
  portalKeyHint,
  readDeviceCode,
  type JSONWebKeySet,
  type JWK,
  type LicenseClaims,
} from '../protocol';
import { SdkError } from './errors';
import { STATE_FILES, type StateStore } from './state-store';

/** State files of the code path, beside those in STATE_FILES. */
const CODE_STATE_FILES = {
  /** The last request code made, waiting for its response. */
  pendingRequest: 'code-request.json',
  /** The installed lease: the request code and the response code that answered it. */
  lease: 'code-lease.json',
} as const;

interface CodeLease {
  request_code: string;
  response_code: string;
}

export interface CodeActivationContext {
  store: StateStore;
  product: string;
  jwks: JSONWebKeySet;
  fingerprint: () => Promise<string>;
  now: () => Date;
}

/** The portal encryption keys of the build whose hint a code carries. */
function portalKeyFor(jwks: JSONWebKeySet, hint?: number): JWK {
  const key = jwks.keys.find((k) => k.use === 'enc' && k.crv === 'X25519' && (hint === undefined || portalKeyHint(k) === hint));
  if (!key) throw new SdkError('ERR_NO_PORTAL_KEY');
  return key;
}

/** The code path bound to one installation: used by createGatepassClient. */
export function codeActivation({ store, product, jwks, fingerprint, now }: CodeActivationContext) {
  async function deviceKey() {
    const device = await store.loadDeviceKey();
    if (!device) throw new SdkError('ERR_NOT_ACTIVATED');
    return device;
  }

  /** Opens the installed lease as license claims; throws a ProtocolError when it no longer verifies. */
  async function verify(lease: CodeLease): Promise<LicenseClaims> {
    const request = readDeviceCode(lease.request_code, 'request');
    const device = await deviceKey();
    const fp = await fingerprint();
    const opened = openResponseCode(lease.response_code, {
      requestCode: lease.request_code,
      devicePrivateJwk: device.privateJwk,
      fingerprint: fp,
      portalEncryptionJwk: portalKeyFor(jwks, request.portalKeyHint),
      product,
    });
    return {
      // The portal keeps the license and seat ids; the code carries the lease alone.
      license_id: '',
      seat_id: '',
      product,
      plan: '',
      fingerprint: fp,
      device_thumbprint: codeDeviceThumbprint(deriveCodeDeviceKey(device.privateJwk, fp).publicKey),
      features: [],
      iat: opened.iat,
      nbf: opened.iat,
      exp: opened.exp,
      grace: opened.grace,
      jti: opened.text,
    };
  }

  async function readLease(): Promise<CodeLease | null> {
    const text = await store.read(CODE_STATE_FILES.lease);
    return text ? (JSON.parse(text) as CodeLease) : null;
  }

  return {
    readLease,
    verify,
    /** Drops a code lease and a pending request: a license file installed now is this machine's license. */
    async forget(): Promise<void> {
      await store.remove(CODE_STATE_FILES.lease);
      await store.remove(CODE_STATE_FILES.pendingRequest);
    },
    /** Makes a request code and keeps it (and the license key) for the response. */
    async createRequestCode(licenseKey: string): Promise<string> {
      const key = canonicalLicenseKey(licenseKey);
      const code = createRequestCode({
        devicePrivateJwk: (await store.loadOrCreateDeviceKey()).privateJwk,
        fingerprint: await fingerprint(),
        portalEncryptionJwk: portalKeyFor(jwks),
        licenseKey: key,
        product,
        now: now(),
      });
      await store.write(CODE_STATE_FILES.pendingRequest, JSON.stringify({ request_code: code }));
      await store.writeLicenseKey(key);
      return code;
    },
    /** Checks a response code against the pending request and installs it as the lease. */
    async installResponseCode(responseCode: string): Promise<void> {
      const pending = await store.read(CODE_STATE_FILES.pendingRequest);
      const requestCode = pending ? (JSON.parse(pending) as { request_code: string }).request_code : (await readLease())?.request_code;
      if (!requestCode) throw new SdkError('ERR_NO_PENDING_CODE');
      const lease: CodeLease = { request_code: requestCode, response_code: responseCode };
      const claims = await verify(lease);
      await store.write(CODE_STATE_FILES.lease, JSON.stringify({ ...lease, response_code: claims.jti }));
      // The request is answered: its response cannot be installed twice over a newer one.
      await store.remove(CODE_STATE_FILES.pendingRequest);
      // The code lease is now this machine's license: a license file installed earlier gives way.
      await store.remove(STATE_FILES.license);
    },
    /** Makes a deactivation code and deletes the installed lease at once (as a deactivation file does). */
    async createDeactivationCode(): Promise<string> {
      const lease = await readLease();
      if (!lease) throw new SdkError('ERR_NOT_ACTIVATED');
      const request = readDeviceCode(lease.request_code, 'request');
      const code = makeDeactivationCode({
        devicePrivateJwk: (await deviceKey()).privateJwk,
        fingerprint: await fingerprint(),
        portalEncryptionJwk: portalKeyFor(jwks, request.portalKeyHint),
        now: now(),
      });
      await store.remove(CODE_STATE_FILES.lease);
      return code;
    },
  };
}
