import { describe, expect, it } from 'vitest';
import {
  generateDeviceKeyPair,
  generateEncryptionKeyPair,
  generateSigningKeyPair,
  jwkThumbprint,
  publicJwks,
  toPublicJwk,
} from './keys';

describe('keys', () => {
  it('computes the RFC 8037 Appendix A.3 thumbprint', async () => {
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };
    expect(await jwkThumbprint(jwk)).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('makes Ed25519 signing and device keys and X25519 encryption keys, kid = thumbprint', async () => {
    const [signing, device, encryption] = await Promise.all([generateSigningKeyPair(), generateDeviceKeyPair(), generateEncryptionKeyPair()]);
    expect(signing.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: signing.kid });
    expect(device.publicJwk).toMatchObject({ crv: 'Ed25519', use: 'sig' });
    expect(encryption.publicJwk).toMatchObject({ kty: 'OKP', crv: 'X25519', alg: 'ECDH-ES+A256KW', use: 'enc', kid: encryption.kid });
    for (const k of [signing, device, encryption]) {
      expect(k.kid).toBe(await jwkThumbprint(k.publicJwk));
      expect(k.kid).toBe(await jwkThumbprint(k.privateJwk));
      expect(k.publicJwk).not.toHaveProperty('d');
      expect(typeof k.privateJwk.d).toBe('string');
    }
    expect(signing.kid).not.toBe(device.kid);
  });

  it('publishes public keys only', async () => {
    const signing = await generateSigningKeyPair();
    const jwks = publicJwks([{ kid: signing.kid, publicJwk: signing.privateJwk }]);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    expect(jwks.keys[0]).toEqual(signing.publicJwk);
    expect(toPublicJwk(signing.privateJwk)).toEqual(signing.publicJwk);
  });
});
