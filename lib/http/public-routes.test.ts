// The REST routes called as Next.js calls them (a Request in, a Response out), against
// the real database: the edges' own rules, which the browser suite cannot reach cheaply.
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postActivation } from '@/app/api/v1/activations/route';
import { POST as postDeactivation } from '@/app/api/v1/deactivations/route';
import { GET as getSeats } from '@/app/api/v1/licenses/[key]/seats/route';
import { POST as postRefresh } from '@/app/api/v1/refresh/route';
import { createTestLicense, makeMachine, setUpInstance } from '@/lib/testing/licensing-fixtures';

process.env.GATEPASS_RATE_LIMIT_PER_MINUTE = '1000';
beforeAll(setUpInstance);

const post = (path: string, body: BodyInit, headers: Record<string, string> = { 'content-type': 'text/plain' }) =>
  new Request(`http://localhost${path}`, { method: 'POST', body, headers: { 'x-forwarded-for': '192.0.2.50', ...headers } });

describe('REST API v1 routes', () => {
  it('lists the seats of a large license a page at a time (?page=N), and refuses a nonsense page', async () => {
    const license = await createTestLicense({ seats: 60 });
    const machines = await Promise.all(Array.from({ length: 55 }, (_, i) => makeMachine(`page-${i}`)));
    for (const machine of machines) expect((await postActivation(post('/api/v1/activations', await machine.request(license)))).status).toBe(201);
    const seatsPage = async (query: string) => getSeats(new Request(`http://localhost/x${query}`), { params: Promise.resolve({ key: license.key }) });

    const first = await (await seatsPage('')).json();
    expect(first.page).toEqual({ number: 1, count: 2, per_page: 50, total_seats: 55 });
    expect(first.seats).toHaveLength(50);
    const second = await (await seatsPage('?page=2')).json();
    expect(second.page).toMatchObject({ number: 2, count: 2 });
    expect(second.seats).toHaveLength(5);
    const all = [...first.seats, ...second.seats].map((seat: { seat_id: string }) => seat.seat_id);
    expect(new Set(all).size).toBe(55);

    const refused = await seatsPage('?page=zero');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'ERR_VALIDATION' } });
  });

  it('activates (201), answers the same machine with 200, refreshes, lists seats and deactivates', async () => {
    const license = await createTestLicense({ seats: 2 });
    const machine = await makeMachine('api-box');
    const created = await postActivation(post('/api/v1/activations', await machine.request(license)));
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({ refreshed: false, seats_used: 1, seat_limit: 2, file_name: `${license.product.slug}-api-box-${body.seat_id.slice(0, 8)}.lic`, device: { hostname: 'api-box' } });
    expect(body.license_file).toMatch(/^-----BEGIN GATEPASS LICENSE-----/);

    const again = await postActivation(post('/api/v1/activations', await machine.request(license)));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ refreshed: true, seat_id: body.seat_id });

    const refreshed = await postRefresh(post('/api/v1/refresh', JSON.stringify({ license_key: license.key, seat_id: body.seat_id }), { 'content-type': 'application/json' }));
    expect(refreshed.status).toBe(200);
    expect(await refreshed.json()).toMatchObject({ seat_id: body.seat_id, license_file: expect.stringContaining('GATEPASS LICENSE') });

    const seats = await getSeats(new Request('http://localhost/x'), { params: Promise.resolve({ key: license.key }) });
    expect(await seats.json()).toMatchObject({ license: { seats_used: 1, status: 'active' }, seats: [{ seat_id: body.seat_id, hostname: 'api-box', state: 'active' }] });

    const freed = await postDeactivation(post('/api/v1/deactivations', await machine.deactivation(body.seat_id)));
    expect(freed.status).toBe(200);
    expect(await freed.json()).toMatchObject({ already_deactivated: false, seats_free: 2 });
  });

  it('answers errors as { error: { code, message } } with the status from the one table', async () => {
    const license = await createTestLicense({ seats: 1 });
    const cases: Array<[Promise<Response>, number, string]> = [
      [postActivation(post('/api/v1/activations', 'not a request')), 400, 'ERR_ARTIFACT_MALFORMED'],
      [postActivation(post('/api/v1/activations', 'x'.repeat(70_000))), 413, 'ERR_ARTIFACT_TOO_LARGE'],
      [postActivation(post('/api/v1/activations', '{}', { 'content-type': 'application/json' })), 415, 'ERR_UNSUPPORTED_MEDIA_TYPE'],
      [postRefresh(post('/api/v1/refresh', '{"license_key":', { 'content-type': 'application/json' })), 400, 'ERR_VALIDATION'],
      [postRefresh(post('/api/v1/refresh', JSON.stringify({ license_key: license.key, seat_id: 'nope' }), { 'content-type': 'application/json' })), 404, 'ERR_SEAT_NOT_FOUND'],
      [postRefresh(post('/api/v1/refresh', 'license_key=x', { 'content-type': 'text/plain' })), 415, 'ERR_UNSUPPORTED_MEDIA_TYPE'],
      [getSeats(new Request('http://localhost/x'), { params: Promise.resolve({ key: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' }) }), 404, 'ERR_LICENSE_NOT_FOUND'],
    ];
    for (const [responsePromise, status, code] of cases) {
      const response = await responsePromise;
      expect({ status: response.status, code: (await response.json()).error.code }).toEqual({ status, code });
    }
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once an address used its requests for the minute', async () => {
    const { publicRateLimiter } = await import('@/lib/http/rate-limit');
    const limiter = publicRateLimiter();
    for (let i = 0; i < 1000; i++) await limiter.hit('192.0.2.99');
    const response = await postActivation(post('/api/v1/activations', 'anything', { 'content-type': 'text/plain', 'x-forwarded-for': '192.0.2.99' }));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await response.json()).error).toEqual({ code: 'ERR_RATE_LIMITED', message: 'Too many requests from your address. Wait a minute, then try again.' });
    const other = await postActivation(post('/api/v1/activations', 'anything', { 'content-type': 'text/plain', 'x-forwarded-for': '192.0.2.100' }));
    expect(other.status).toBe(400);
  });
});
