import { describe, expect, it } from 'vitest';
import { armor, ARMOR_LINE_WIDTH, dearmor, detectArtifactKind } from './armor';
import { expectProtocolError } from './test-fixtures';
import { MAX_ARTIFACT_BYTES, MAX_ISSUED_FILE_BYTES } from './types';

const jws = `${'eyJhbGciOiJFZERTQSJ9'}.${'e30'}.${'A'.repeat(86)}`;
const jwe = ['eyJhbGciOiJkaXIifQ', '', 'AAAAAAAAAAAAAAAA', 'YWJj', 'AAAAAAAAAAAAAAAAAAAAAA'].join('.');

describe('armor', () => {
  it('wraps the body at 64 characters between BEGIN and END lines, with a trailing newline', () => {
    const text = armor('license', jws);
    const lines = text.split('\n');
    expect(lines[0]).toBe('-----BEGIN GATEPASS LICENSE-----');
    expect(lines.at(-2)).toBe('-----END GATEPASS LICENSE-----');
    expect(lines.at(-1)).toBe('');
    const body = lines.slice(1, -2);
    expect(body.slice(0, -1).every((l) => l.length === ARMOR_LINE_WIDTH)).toBe(true);
    expect(body.join('')).toBe(jws);
  });

  it('round-trips every kind', () => {
    expect(dearmor(armor('license', jws), 'license')).toBe(jws);
    expect(dearmor(armor('request', jwe), 'request')).toBe(jwe);
    expect(dearmor(armor('deactivation', jwe), 'deactivation')).toBe(jwe);
    expect(armor('request', jwe)).toContain('-----BEGIN GATEPASS ACTIVATION REQUEST-----');
  });

  it('tolerates CRLF, surrounding text, email quoting and indentation', () => {
    const text = armor('license', jws);
    expect(dearmor(text.replace(/\n/g, '\r\n'), 'license')).toBe(jws);
    expect(dearmor(`Hi support,\n\nhere it is:\n${text}\nThanks, Ana\n`, 'license')).toBe(jws);
    const quoted = text.split('\n').map((l) => `> > ${l}`).join('\n');
    expect(dearmor(quoted, 'license')).toBe(jws);
    const indented = text.split('\n').map((l) => `    ${l}  `).join('\n');
    expect(dearmor(indented, 'license')).toBe(jws);
    expect(dearmor(`\uFEFF${text}`, 'license')).toBe(jws);
  });

  it('accepts bytes and a bare compact serialization', () => {
    expect(dearmor(new TextEncoder().encode(armor('license', jws)), 'license')).toBe(jws);
    expect(dearmor(`  ${jws}\n`, 'license')).toBe(jws);
  });

  it('names both kinds when the armor is of another kind', async () => {
    const error = await expectProtocolError(
      () => dearmor(armor('deactivation', jwe), 'request'),
      'ERR_ARTIFACT_KIND',
      'request',
      'deactivation',
    );
    expect(error.message).toMatch(/^This is a deactivation file, not an activation request\./);
  });

  it('refuses oversized input before looking at it, for strings and bytes', async () => {
    // What the portal issues (a license file carrying a revocation list) has the larger cap.
    const huge = armor('license', jws) + ' '.repeat(MAX_ISSUED_FILE_BYTES);
    await expectProtocolError(() => dearmor(huge, 'license'), 'ERR_ARTIFACT_TOO_LARGE', 'license');
    await expectProtocolError(
      () => dearmor(new Uint8Array(MAX_ARTIFACT_BYTES + 1), 'request'),
      'ERR_ARTIFACT_TOO_LARGE',
      'request',
    );
    // Multi-byte characters count as bytes: 30k × 3 bytes is over the cap.
    await expectProtocolError(() => dearmor('€'.repeat(30_000), 'request'), 'ERR_ARTIFACT_TOO_LARGE', 'request');
    await expectProtocolError(() => dearmor('€'.repeat(400_000), 'license'), 'ERR_ARTIFACT_TOO_LARGE', 'license');
    expect(() => detectArtifactKind(huge)).toThrow(/too large/);
  });

  it('refuses garbage cleanly', async () => {
    for (const garbage of ['', 'hello world', '{"json":true}', '\u0000\u0001', 'a.b', '-----BEGIN PGP MESSAGE-----']) {
      await expectProtocolError(() => dearmor(garbage, 'license'), 'ERR_ARTIFACT_MALFORMED', 'license');
    }
    await expectProtocolError(
      () => dearmor(new Uint8Array([0xff, 0xfe, 0x00, 0x41]), 'request'),
      'ERR_ARTIFACT_MALFORMED',
      'request',
    );
  });

  it('refuses a block without END, a wrong segment count and non-canonical base64url', async () => {
    const text = armor('license', jws);
    await expectProtocolError(() => dearmor(text.replace(/-----END[^\n]*\n/, ''), 'license'), 'ERR_ARTIFACT_MALFORMED', 'license');
    await expectProtocolError(() => dearmor(armor('license', jwe), 'license'), 'ERR_ARTIFACT_MALFORMED', 'license');
    await expectProtocolError(() => dearmor(armor('license', `${jws}=`), 'license'), 'ERR_ARTIFACT_MALFORMED', 'license');
    // 'B' differs from 'A' only in the 4 unused bits of the last character.
    await expectProtocolError(() => dearmor(armor('license', `${jws.slice(0, -1)}B`), 'license'), 'ERR_ARTIFACT_MALFORMED', 'license');
  });

  it('detects the kind of an upload', () => {
    expect(detectArtifactKind(armor('deactivation', jwe))).toBe('deactivation');
    expect(detectArtifactKind(`see below\n${armor('request', jwe)}`)).toBe('request');
    expect(detectArtifactKind('nothing here')).toBeNull();
  });
});
