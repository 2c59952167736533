/**
 * The Gatepass client for a vendor's Node/Electron application (DESIGN.md
 * "Offline checks (SDK)"). It trusts only the JWKS compiled into the
 * application: nothing it trusts is fetched from the network.
 */
import { hostname, platform, release } from 'node:os';
import {
  canonicalLicenseKey,
  armor,
  createActivationRequest as createRequestArtifact,
  createDeactivation as createDeactivationArtifact,
  dearmor,
  evaluateLease,
  jwkThumbprint,
  ProtocolError,
  verifyLicenseFile,
  findPortalEncryptionKey,
  type DeviceMetadata,
  type JSONWebKeySet,
  type JWK,
  type LicenseClaims,
  type UsageCounters,
} from '../protocol';
import { SdkError, sdkErrorMessage } from './errors';
import { machineFingerprint } from './fingerprint';
import { codeActivation } from './code-activation';
import { leaseMessage, revokedMessage, type LicenseCheck } from './license-check';
import { holdsRevocationList, revocationsOf } from './revocations';
import { postArtifact } from './portal-api';
import { defaultStateDir, StateStore, STATE_FILES } from './state-store';

export interface GatepassClientOptions {
  /** Product slug, as in the portal. */
  product: string;
  /** Vendor signing keys and the portal's encryption key (`use: "enc"`), embedded in the build. */
  jwks: JSONWebKeySet;
  /** Default: `GATEPASS_STATE_DIR`, else `~/.gatepass/<product>`. */
  stateDir?: string;
  /** Default: {@link machineFingerprint}. */
  fingerprint?: string;
  /** Passed to {@link machineFingerprint} when `fingerprint` is not given. */
  fingerprintNamespace?: string;
  expiringWithinSeconds?: number;
  clockSkewSeconds?: number;
  /** Base URL of the activation portal, for online mode. */
  portalUrl?: string;
  /** Sent as `device.app_version` in requests. */
  appVersion?: string;
  now?: () => Date;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  licenseKey: string;
  /** Renew only this seat (a refresh): the portal never takes a new seat for the request. */
  seatId?: string;
  /** Requested lease length in seconds (the plan caps it). */
  requestedDuration?: number;
  /** Default: hostname, OS and `appVersion`. */
  metadata?: DeviceMetadata;
}

export interface OnlineActivation {
  /** True when the portal took a new seat (HTTP 201), false for a refresh (200). */
  created: boolean;
  check: LicenseCheck;
}

const OK_STATES = new Set(['valid', 'expiring', 'grace']);

/**
 * Creates a client bound to one product and one state directory.
 *
 * @example
 * const gatepass = createGatepassClient({ product: 'photo-pro', jwks: EMBEDDED_JWKS });
 * const license = await gatepass.check();
 * if (!license.ok) showActivationDialog(license.message);
 */
export function createGatepassClient(options: GatepassClientOptions) {
  const store = new StateStore(options.stateDir ?? defaultStateDir(options.product));
  const revocations = revocationsOf(store, options.jwks, options.product);
  const now = options.now ?? (() => new Date());
  let fingerprintPromise: Promise<string> | undefined;
  const fingerprint = () =>
    (fingerprintPromise ??= options.fingerprint
      ? Promise.resolve(options.fingerprint)
      : machineFingerprint(options.product, { namespace: options.fingerprintNamespace }));

  function portalKey(): JWK {
    const key = findPortalEncryptionKey(options.jwks);
    if (!key) throw new SdkError('ERR_NO_PORTAL_KEY');
    return key;
  }

  /** Full verification of a license text: signature, product, machine and device key. */
  async function verify(text: string, licenseKey: string | null): Promise<LicenseClaims> {
    const { claims } = await verifyLicenseFile(text, {
      jwks: options.jwks,
      fingerprint: await fingerprint(),
      licenseKey: licenseKey ?? undefined,
      product: options.product,
    });
    const device = await store.loadDeviceKey();
    if (!device || claims.device_thumbprint !== (await jwkThumbprint(device.publicJwk))) {
      throw new ProtocolError('ERR_WRONG_DEVICE', { kind: 'license' });
    }
    return claims;
  }

  async function createActivationRequest(request: RequestOptions): Promise<string> {
    // The printed form: the portal derives the license-file key from it (docs/PROTOCOL.md).
    const licenseKey = canonicalLicenseKey(request.licenseKey);
    const text = await createRequestArtifact({
      claims: {
        license_key: licenseKey,
        fingerprint: await fingerprint(),
        product: options.product,
        iat: Math.floor(now().getTime() / 1000),
        ...(request.requestedDuration ? { requested_duration: request.requestedDuration } : {}),
        ...(request.seatId ? { seat_id: request.seatId } : {}),
        device: request.metadata ?? {
          hostname: hostname(),
          os: `${platform()} ${release()}`,
          ...(options.appVersion ? { app_version: options.appVersion } : {}),
        },
      },
      device: await store.loadOrCreateDeviceKey(),
      portalEncryptionJwk: portalKey(),
    });
    // Kept to open the encrypted license file that comes back (DESIGN.md "The artifacts").
    await store.writeLicenseKey(licenseKey);
    return text;
  }

  const codes = codeActivation({ store, product: options.product, jwks: options.jwks, fingerprint, now });

  async function check(): Promise<LicenseCheck> {
    const text = await store.read(STATE_FILES.license);
    // Without a license file, a lease installed from a response code (the air-gapped path).
    const codeLease = text ? null : await codes.readLease();
    if (!text && !codeLease) {
      return { status: 'not-activated', ok: false, reason: 'ERR_NOT_ACTIVATED', message: sdkErrorMessage('ERR_NOT_ACTIVATED'), features: [] };
    }
    let claims: LicenseClaims;
    try {
      claims = text ? await verify(text, await store.readLicenseKey()) : await codes.verify(codeLease!);
    } catch (error) {
      if (error instanceof ProtocolError || error instanceof SdkError) {
        return { status: 'invalid', ok: false, reason: error.code, message: error.message, features: [] };
      }
      throw error;
    }
    let revokedBy: 'license' | 'device' | null;
    try {
      revokedBy = await revocations.revokes(claims);
    } catch (error) {
      if (error instanceof ProtocolError) return { status: 'invalid', ok: false, reason: error.code, message: error.message, features: [] };
      throw error;
    }
    if (revokedBy) {
      const leaseEnd = new Date(claims.exp * 1000);
      return { status: 'revoked', ok: false, revokedBy, message: revokedMessage(revokedBy), leaseEnd, graceEnd: new Date((claims.exp + claims.grace) * 1000), features: [], claims };
    }
    const at = now();
    const lease = evaluateLease(claims, {
      now: at,
      lastSeen: await store.readLastSeen(),
      clockSkewSeconds: options.clockSkewSeconds,
      expiringWithinSeconds: options.expiringWithinSeconds,
    });
    // A set-back clock must not drag last-seen back with it.
    if (lease.status !== 'clock-tampered') await store.advanceLastSeen(at);
    return {
      status: lease.status,
      ok: OK_STATES.has(lease.status),
      message: leaseMessage({ ...lease, issuedAt: new Date(claims.iat * 1000) }),
      ...(lease.tamperReason ? { tamperReason: lease.tamperReason } : {}),
      leaseEnd: lease.leaseEnd,
      graceEnd: lease.graceEnd,
      daysLeft: lease.daysLeft,
      secondsLeft: lease.secondsLeft,
      features: claims.features,
      claims,
    };
  }

  async function installLicense(text: string, install: { licenseKey?: string } = {}): Promise<LicenseCheck> {
    const licenseKey = (install.licenseKey && canonicalLicenseKey(install.licenseKey)) || (await store.readLicenseKey());
    const claims = await verify(text, licenseKey);
    // Store the bare armor block, without whatever text surrounded it.
    await store.write(STATE_FILES.license, armor('license', dearmor(text, 'license')));
    await codes.forget();
    if (install.licenseKey) await store.writeLicenseKey(licenseKey!);
    // The file's iat is the portal's signed time: it moves the clock watermark (docs/PROTOCOL.md "Clock").
    await store.recordServerTime(new Date(claims.iat * 1000), now());
    if (holdsRevocationList(text)) await revocations.install(text, { carried: true });
    return check();
  }

  async function createDeactivation(deactivation: { usage?: UsageCounters } = {}): Promise<string> {
    const text = await store.read(STATE_FILES.license);
    if (!text) throw new SdkError('ERR_NOT_ACTIVATED');
    const claims = await verify(text, await store.readLicenseKey());
    const armored = await createDeactivationArtifact({
      claims: {
        seat_id: claims.seat_id,
        fingerprint: await fingerprint(),
        iat: Math.floor(now().getTime() / 1000),
        ...(deactivation.usage ? { usage: deactivation.usage } : {}),
      },
      device: (await store.loadDeviceKey())!,
      portalEncryptionJwk: portalKey(),
    });
    // DESIGN.md "The artifacts": the SDK deletes its license as it writes this file.
    await store.remove(STATE_FILES.license);
    await store.remove(STATE_FILES.licenseKey);
    return armored;
  }

  function portalUrl(): string {
    if (!options.portalUrl) throw new SdkError('ERR_NO_PORTAL_URL');
    return options.portalUrl;
  }

  async function postRequest(text: string): Promise<OnlineActivation> {
    const { status, body } = await postArtifact(portalUrl(), '/api/v1/activations', text, { fetch: options.fetch });
    if (typeof body.license_file !== 'string') throw new SdkError('ERR_PORTAL_RESPONSE_INVALID', { httpStatus: status });
    return { created: status === 201, check: await installLicense(body.license_file) };
  }

  return {
    /** Where this installation keeps its state. */
    stateDir: store.dir,
    /** This machine's fingerprint for the product. */
    fingerprint,
    /**
     * Writes an armored activation request and remembers the license key.
     * @example await writeFile('activation.req', await gatepass.createActivationRequest({ licenseKey }));
     */
    createActivationRequest,
    /**
     * Verifies a license file fully, then installs it.
     * @example const license = await gatepass.installLicense(await readFile(path, 'utf8'));
     */
    installLicense,
    /**
     * Checks the installed license offline; never throws for expected states.
     * @example if (!(await gatepass.check()).ok) lockFeatures();
     */
    check,
    /**
     * Writes an armored deactivation file and deletes the installed license at once.
     * @example await writeFile('deactivation.req', await gatepass.createDeactivation({ usage: { exports: 12 } }));
     */
    createDeactivation,
    /**
     * Air-gapped: a request code for the person to type or scan at the portal's /code page.
     * @example print(await gatepass.createRequestCode({ licenseKey })); // '2K7QM-…' (20 groups)
     */
    createRequestCode: (request: { licenseKey: string }) => codes.createRequestCode(request.licenseKey),
    /**
     * Air-gapped: verifies the response code offline against the last request code, installs it.
     * @example const license = await gatepass.installResponseCode('1A607-09V01-…');
     */
    async installResponseCode(responseCode: string): Promise<LicenseCheck> {
      await codes.installResponseCode(responseCode);
      return check();
    },
    /**
     * Air-gapped: a deactivation code that frees the seat at the portal; the lease is deleted at once.
     * @example print(await gatepass.createDeactivationCode());
     */
    createDeactivationCode: () => codes.createDeactivationCode(),
    /**
     * Activates through the portal's API and installs the license file it returns.
     * @example const { created } = await gatepass.activateOnline({ licenseKey });
     */
    async activateOnline(request: RequestOptions): Promise<OnlineActivation> {
      portalUrl();
      return postRequest(await createActivationRequest(request));
    },
    /**
     * Asks the portal for a new lease for this machine (a new request with the stored key).
     * @example await gatepass.refreshOnline();
     */
    async refreshOnline(refresh: { requestedDuration?: number } = {}): Promise<OnlineActivation> {
      portalUrl();
      const licenseKey = await store.readLicenseKey();
      const text = await store.read(STATE_FILES.license);
      if (!text) throw new SdkError('ERR_NOT_ACTIVATED');
      if (!licenseKey) throw new SdkError('ERR_LICENSE_KEY_MISSING');
      // The request names the installed seat: the portal renews it or refuses, never a new seat.
      const { seat_id: seatId } = await verify(text, licenseKey);
      return postRequest(await createActivationRequest({ licenseKey, seatId, requestedDuration: refresh.requestedDuration }));
    },
    /**
     * Verifies a license file for this machine without installing it.
     * @example const claims = await gatepass.verifyLicense(text);
     */
    async verifyLicense(text: string): Promise<LicenseClaims> {
      return verify(text, await store.readLicenseKey());
    },
    /**
     * Installs a revocation list: alone, or the one a license file of any machine carries.
     * Refuses an older list than this machine has (ERR_REVOCATION_LIST_OLDER) and a changed one.
     * @example const { sequence } = await gatepass.installRevocationList(text);
     */
    installRevocationList: (text: string) => revocations.install(text),
    /** The installed revocation list's sequence, issue time and size, or null. */
    async revocationList() {
      const list = await revocations.installed().catch(() => null);
      return list && revocations.summary(list);
    },
    /** Where the deactivation file of a failed online deactivation waits, or null. */
    async pendingDeactivation(): Promise<string | null> {
      return (await store.read(STATE_FILES.pendingDeactivation)) === null ? null : store.path(STATE_FILES.pendingDeactivation);
    },
    /**
     * Deactivates through the portal's API. The license is deleted first; when the
     * portal cannot be reached the file is saved for manual upload (`error.savedFile`).
     * @example await gatepass.deactivateOnline({ usage: { exports: 12 } });
     */
    async deactivateOnline(deactivation: { usage?: UsageCounters } = {}): Promise<void> {
      const url = portalUrl();
      // A file saved by an earlier failed attempt is sent again; else a new one is made.
      const pending = (await store.read(STATE_FILES.license)) ? null : await store.read(STATE_FILES.pendingDeactivation);
      const text = pending ?? (await createDeactivation(deactivation));
      try {
        await postArtifact(url, '/api/v1/deactivations', text, { fetch: options.fetch });
        await store.remove(STATE_FILES.pendingDeactivation);
      } catch (error) {
        await store.write(STATE_FILES.pendingDeactivation, text);
        if (error instanceof SdkError) {
          throw new SdkError(error.code, {
            message: `${error.message} The deactivation file was saved to ${store.path(STATE_FILES.pendingDeactivation)}: upload it on the Deactivate page (${url}/deactivate), or try again later.`,
            portalCode: error.portalCode,
            httpStatus: error.httpStatus,
            savedFile: store.path(STATE_FILES.pendingDeactivation),
          });
        }
        throw error;
      }
    },
  };
}

export type GatepassClient = ReturnType<typeof createGatepassClient>;
