// Runs alone, after every other spec (playwright.config.ts project "isolated"), because it
// asserts that not one row of the shared database changed.
import crypto from 'node:crypto';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { countRowsOfEveryTable } from '@/db/queries/table-counts';
import { makeMachine } from '@/lib/testing/licensing-fixtures';
import { createTestLicense } from './fixtures/domain';
import { forMachines } from './fixtures/machines';

/** Flips one base64url character of the armor body, `at` being a fraction of the body. */
function tamper(armored: string, at: number): string {
  const lines = armored.split('\n');
  const body = lines.map((line, i) => ({ line, i })).filter(({ line }) => line && !line.startsWith('-----'));
  const target = body[Math.min(body.length - 1, Math.floor(at * body.length))]!;
  const col = Math.floor(at * 997) % target.line.length;
  const swapped = target.line[col] === 'Q' ? 'R' : 'Q';
  lines[target.i] = target.line.slice(0, col) + swapped + target.line.slice(col + 1);
  return lines.join('\n');
}

function truncations(armored: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => armored.slice(0, Math.floor(((i + 1) / (count + 1)) * armored.length)));
}

function withoutBodyLine(armored: string, count: number): string[] {
  const lines = armored.split('\n');
  return Array.from({ length: count }, (_, i) => lines.filter((_, j) => j !== 1 + (i % (lines.length - 3))).join('\n'));
}

const GARBAGE: Array<string | Buffer> = [
  '',
  ' ',
  '\n\n\n',
  'hello',
  'null',
  '{"license_key":"AAAAA-BBBBB-CCCCC-DDDDD-EEEEE"}',
  '<?xml version="1.0"?><request/>',
  '-----BEGIN GATEPASS ACTIVATION REQUEST-----',
  '-----BEGIN GATEPASS ACTIVATION REQUEST-----\n-----END GATEPASS ACTIVATION REQUEST-----\n',
  '-----BEGIN GATEPASS ACTIVATION REQUEST-----\na.b.c.d.e\n-----END GATEPASS ACTIVATION REQUEST-----\n',
  '-----BEGIN GATEPASS DEACTIVATION-----\n!!!!.????.####.$$$$.%%%%\n-----END GATEPASS DEACTIVATION-----\n',
  '-----BEGIN GATEPASS SOMETHING ELSE-----\nAAAA\n-----END GATEPASS SOMETHING ELSE-----\n',
  'eyJhbGciOiJub25lIn0.eyJsaWNlbnNlX2tleSI6IngifQ.',
  'eyJhbGciOiJFQ0RILUVTK0EyNTZLVyJ9.AAAA.AAAA.AAAA.AAAA',
  'eyJ0eXAiOiJnYXRlcGFzcy1yZXF1ZXN0IiwiYWxnIjoiZGlyIiwiZW5jIjoiQTI1NkdDTSJ9..AAAA.AAAA.AAAA',
  '\u0000'.repeat(512),
  '💥'.repeat(2000),
  'A'.repeat(64 * 1024 + 1),
  'A'.repeat(1024 * 1024),
  crypto.randomBytes(4096),
  crypto.randomBytes(64),
  Buffer.from([0xff, 0xfe, 0x00, 0x41]),
];

const SEAT_KEYS = [
  'x',
  'A'.repeat(200),
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  "'%20OR%201%3D1%20--",
  encodeURIComponent('{"$ne":null}'),
  encodeURIComponent('💥💥💥'),
  'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE',
  encodeURIComponent('   '),
  encodeURIComponent('\u0000\u0001'),
  '%E0%A4%A',
  '.',
  encodeURIComponent('<script>alert(1)</script>'),
  'null',
  'undefined',
  '0',
  encodeURIComponent('A'.repeat(99)),
  encodeURIComponent('a\nb'),
  '%25',
  'AAAAA_BBBBB',
];

interface Probe {
  label: string;
  send: (api: APIRequestContext) => Promise<APIResponse>;
  /** False for paths the client normalizes away from our route (`/./`): still a 4xx, but Next's own page. */
  ourRoute?: boolean;
}

test('300+ malformed, truncated, tampered, oversized and wrong-kind bodies at every public endpoint and the portal pages\' own: no 500, no database change', async ({ request }) => {
  test.setTimeout(180_000);
  // Real artifacts to mutate: a license with its one seat taken by a real machine.
  const license = await createTestLicense({ seats: 1 });
  const owner = await makeMachine('owner');
  const usedRequest = await owner.request(forMachines(license));
  const activated = await request.post('/api/v1/activations', { data: usedRequest, headers: { 'content-type': 'text/plain' } });
  expect(activated.status()).toBe(201);
  const { seat_id: seatId, license_file: licenseFile } = await activated.json();
  const freshRequest = await (await makeMachine('newcomer')).request(forMachines(license));
  const deactivation = await owner.deactivation(seatId, { exports: 1 });
  const impostor = await makeMachine('owner', { fingerprint: owner.fingerprint });
  const oldRequest = await owner.request(forMachines(license), { iat: Math.floor(Date.now() / 1000) - 30 * 86_400 });
  const futureRequest = await owner.request(forMachines(license), { iat: Math.floor(Date.now() / 1000) + 86_400 });
  const wrongProduct = await owner.request(forMachines(license), { product: 'some-other-product' });
  const unknownKey = await owner.request({ key: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE', product: { slug: license.productSlug } });

  const text = (path: string, body: string | Buffer, contentType = 'text/plain'): Probe['send'] => (api) =>
    api.post(path, { data: body, headers: { 'content-type': contentType } });

  const portal = (action: string, field: string, body: string | Buffer): Probe['send'] =>
    text(`/api/portal/${action}`, JSON.stringify({ [field]: typeof body === 'string' ? body : body.toString('latin1') }), 'application/json');

  const portalProbes = (action: string, field: string, valid: string, wrongKinds: string[]): Probe[] => [
    ...GARBAGE.map((body, i) => ({ label: `portal ${action} garbage #${i}`, send: portal(action, field, body) })),
    ...truncations(valid, 6).map((body, i) => ({ label: `portal ${action} truncated #${i}`, send: portal(action, field, body) })),
    ...Array.from({ length: 12 }, (_, i) => ({ label: `portal ${action} tampered #${i}`, send: portal(action, field, tamper(valid, i / 12)) })),
    ...wrongKinds.map((body, i) => ({ label: `portal ${action} wrong kind #${i}`, send: portal(action, field, body) })),
  ];

  const artifactProbes = (path: string, valid: string, wrongKinds: string[]): Probe[] => [
    ...GARBAGE.map((body, i) => ({ label: `${path} garbage #${i}`, send: text(path, body) })),
    ...truncations(valid, 12).map((body, i) => ({ label: `${path} truncated #${i}`, send: text(path, body) })),
    ...withoutBodyLine(valid, 6).map((body, i) => ({ label: `${path} line dropped #${i}`, send: text(path, body) })),
    ...Array.from({ length: 36 }, (_, i) => ({ label: `${path} tampered #${i}`, send: text(path, tamper(valid, i / 36)) })),
    ...wrongKinds.map((body, i) => ({ label: `${path} wrong kind #${i}`, send: text(path, body) })),
    { label: `${path} as JSON`, send: text(path, JSON.stringify({ request: valid }), 'application/json') },
    { label: `${path} padded past the cap`, send: text(path, valid + ' '.repeat(64 * 1024)) },
  ];

  const probes: Probe[] = [
    ...artifactProbes('/api/v1/activations', freshRequest, [deactivation, licenseFile]),
    { label: 'replayed request', send: text('/api/v1/activations', usedRequest) },
    { label: 'request too old', send: text('/api/v1/activations', oldRequest) },
    { label: 'request from the future', send: text('/api/v1/activations', futureRequest) },
    { label: 'wrong product', send: text('/api/v1/activations', wrongProduct) },
    { label: 'unknown license key', send: text('/api/v1/activations', unknownKey) },
    { label: 'seats exhausted', send: text('/api/v1/activations', freshRequest) },
    ...artifactProbes('/api/v1/deactivations', deactivation, [freshRequest, licenseFile]),
    { label: 'deactivation by another device key', send: text('/api/v1/deactivations', await impostor.deactivation(seatId)) },
    { label: 'deactivation of an unknown seat', send: text('/api/v1/deactivations', await owner.deactivation('no-such-seat')) },
    ...[
      '{}',
      '[]',
      'null',
      '1',
      '"x"',
      '{',
      '{"license_key":',
      '{"license_key":1,"seat_id":2}',
      '{"license_key":null,"seat_id":null}',
      '{"license_key":"x"}',
      '{"seat_id":"y"}',
      JSON.stringify({ license_key: license.key, seat_id: 'no-such-seat' }),
      JSON.stringify({ license_key: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE', seat_id: seatId }),
      JSON.stringify({ license_key: 'x'.repeat(5000), seat_id: seatId }),
      JSON.stringify({ license_key: 'x'.repeat(101), seat_id: seatId }),
      JSON.stringify({ license_key: license.key, seat_id: 'y'.repeat(129) }),
      JSON.stringify({ license_key: ['a'], seat_id: { $ne: null } }),
      JSON.stringify({ license_key: '   ', seat_id: '   ' }),
      '['.repeat(1000) + ']'.repeat(1000),
      '\u0000',
    ].map((body, i) => ({ label: `refresh JSON #${i}`, send: text('/api/v1/refresh', body, 'application/json') })),
    { label: 'refresh as text', send: text('/api/v1/refresh', JSON.stringify({ license_key: license.key, seat_id: seatId })) },
    { label: 'refresh as a form', send: text('/api/v1/refresh', 'license_key=x&seat_id=y', 'application/x-www-form-urlencoded') },
    { label: 'refresh oversized', send: text('/api/v1/refresh', 'x'.repeat(1024 * 1024), 'application/json') },
    // The end-user pages' own endpoint (app/api/portal/[action]/route.ts) takes the same artifacts inside JSON.
    ...portalProbes('activate', 'requestText', freshRequest, [deactivation, licenseFile]),
    { label: 'portal: replayed request', send: portal('activate', 'requestText', usedRequest) },
    { label: 'portal: wrong product', send: portal('activate', 'requestText', wrongProduct) },
    { label: 'portal: seats exhausted', send: portal('activate', 'requestText', freshRequest) },
    ...portalProbes('deactivate', 'deactivationText', deactivation, [freshRequest, licenseFile]),
    { label: 'portal: deactivation by another device key', send: portal('deactivate', 'deactivationText', await impostor.deactivation(seatId)) },
    ...['', 'x', 'AAAAA', 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE', license.key.toLowerCase().replace(/-/g, ' '), '💥'.repeat(90)].map((code, i) => ({
      label: `portal: code #${i}`,
      send: portal('code', 'codeText', code),
    })),
    { label: 'portal: refresh of an unknown seat', send: text('/api/portal/refresh', JSON.stringify({ licenseKey: license.key, seatId: 'no-such-seat' }), 'application/json') },
    { label: 'portal: look-up of an unknown key', send: text('/api/portal/lookup', JSON.stringify({ licenseKey: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' }), 'application/json') },
    { label: 'portal: not JSON', send: text('/api/portal/activate', '{"requestText":', 'application/json') },
    { label: 'portal: as text', send: text('/api/portal/activate', freshRequest) },
    ...SEAT_KEYS.map((key, i) => ({ label: `seats key #${i}`, send: (api: APIRequestContext) => api.get(`/api/v1/licenses/${key}/seats`), ourRoute: key !== '.' })),
  ];
  expect(probes.length).toBeGreaterThanOrEqual(300);

  const before = await countRowsOfEveryTable();
  const answers: Array<{ label: string; status: number; code: unknown }> = [];
  for (let i = 0; i < probes.length; i += 20) {
    const batch = probes.slice(i, i + 20);
    const responses = await Promise.all(batch.map((probe) => probe.send(request)));
    for (const [j, response] of responses.entries()) {
      const body = await response.json().catch(() => null);
      answers.push({ label: batch[j]!.label, status: response.status(), code: batch[j]!.ourRoute === false ? 'not routed' : body?.error?.code });
    }
  }
  expect(await countRowsOfEveryTable()).toEqual(before);

  // Every answer is a refusal with a code from the one table, never a 5xx.
  const unexpected = answers.filter((a) => a.status >= 500 || a.status < 400 || typeof a.code !== 'string');
  expect(unexpected).toEqual([]);
  const byLabel = Object.fromEntries(answers.map((a) => [a.label, `${a.status} ${a.code}`]));
  expect(byLabel).toMatchObject({
    'replayed request': '409 ERR_REQUEST_REPLAYED',
    'request too old': '400 ERR_REQUEST_EXPIRED',
    'request from the future': '400 ERR_REQUEST_FROM_FUTURE',
    'wrong product': '422 ERR_WRONG_PRODUCT',
    'unknown license key': '404 ERR_LICENSE_NOT_FOUND',
    'seats exhausted': '409 ERR_SEATS_EXHAUSTED',
    'deactivation by another device key': '403 ERR_DEVICE_MISMATCH',
    'deactivation of an unknown seat': '404 ERR_SEAT_NOT_FOUND',
    '/api/v1/activations padded past the cap': '413 ERR_ARTIFACT_TOO_LARGE',
    '/api/v1/activations wrong kind #0': '400 ERR_ARTIFACT_KIND',
    '/api/v1/deactivations wrong kind #0': '400 ERR_ARTIFACT_KIND',
    '/api/v1/activations as JSON': '415 ERR_UNSUPPORTED_MEDIA_TYPE',
    'refresh oversized': '413 ERR_ARTIFACT_TOO_LARGE',
    'portal: replayed request': '409 ERR_REQUEST_REPLAYED',
    'portal: wrong product': '422 ERR_WRONG_PRODUCT',
    'portal: seats exhausted': '409 ERR_SEATS_EXHAUSTED',
    'portal: deactivation by another device key': '403 ERR_DEVICE_MISMATCH',
    'portal: refresh of an unknown seat': '404 ERR_SEAT_NOT_FOUND',
    'portal: look-up of an unknown key': '404 ERR_LICENSE_NOT_FOUND',
    'portal activate wrong kind #0': '400 ERR_ARTIFACT_KIND',
    'portal: not JSON': '400 ERR_VALIDATION',
    'portal: as text': '415 ERR_UNSUPPORTED_MEDIA_TYPE',
  });
});
